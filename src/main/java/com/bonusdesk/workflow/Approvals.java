package com.bonusdesk.workflow;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.calculation.Explanation;
import com.bonusdesk.people.Person;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.refusal.Refusal;

/**
 * The skeleton every approval workflow follows, written once: register an item once (the first of two competing
 * registrations wins), let the right person take the open step of its chain, save the decision under an optimistic
 * lock, and put every change of status on one timeline. Each workflow brings its chain, its item's transitions and
 * the words of its refusals; what an approved item earns it writes to the ledger itself.
 */
@Service
@RequiredArgsConstructor
public class Approvals {

    /** PostgreSQL's SQLSTATE for a unique constraint broken by an insert. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** What the timeline says of an approved step after which the item waits for the next. */
    public static final String STEP_APPROVED = "STEP_APPROVED";

    private final PersonService people;
    private final TimelineEventRepository timeline;
    private final ApprovalStepRepository steps;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The message keys a workflow's refusals are told with. */
    public record Wording(String decided, String own, String notYours) {
    }

    /** A registered item, or none with every reason that refused it. */
    public record Registered<T>(T item, List<Refusal.Reason> refusals) {

        public Registered {
            refusals = List.copyOf(refusals);
        }

        /** The item; refused as not eligible, with every reason, when there is none. */
        public T orRefuse() {
            if (item == null) {
                throw new Refusal.NotEligible(refusals);
            }
            return item;
        }
    }

    /**
     * Saves a new item, in a transaction of its own, unless a check refused it. Two registrations that race for the
     * same key (a unique index) keep the first: the second is refused with {@code raced}, as if the check had seen
     * the first.
     */
    public <T> Registered<T> registerOnce(List<Refusal.Reason> refusals, Supplier<T> save,
            Supplier<Refusal.Reason> raced) {
        if (!refusals.isEmpty()) {
            return new Registered<>(null, refusals);
        }
        try {
            return new Registered<>(transactions.execute(status -> save.get()), List.of());
        } catch (DataIntegrityViolationException e) {
            if (!uniqueKey(e)) {
                throw e;
            }
            return new Registered<>(null, List.of(raced.get()));
        }
    }

    /** Only a unique key says another registration came first; any other broken constraint is a failure. */
    private static boolean uniqueKey(DataIntegrityViolationException e) {
        return e instanceof DuplicateKeyException
                || e.getMostSpecificCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    /** A reason a check refuses an item, in the calculation's words. */
    public static Refusal.Reason because(String code, Explanation why) {
        return new Refusal.Reason(code, why.key(), List.<Object>copyOf(why.args()));
    }

    /** A person about to decide, with their reporting line read at most once however many items they look at. */
    public Decider decider(long personId) {
        return new Decider(people.find(personId), people.rolesInForce(personId),
                () -> people.reportingLineOf(personId));
    }

    /**
     * Puts {@code item} into approval: the steps of {@code chain} that apply to {@code amount} become its own chain,
     * kept whatever later plan versions say, with the first step open.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(String subjectType, Decidable item, Chain chain, BigDecimal amount) {
        List<Chain.Step> applying = chain.stepsFor(amount);
        List<ApprovalStep> opened = new ArrayList<>();
        for (int position = 0; position < applying.size(); position++) {
            opened.add(steps.save(new ApprovalStep(subjectType, item.getId(), position, applying.get(position), amount,
                    item.submitter(), position == 0)));
        }
        if (!opened.isEmpty()) {
            announceWaiting(opened.get(0), opened);
        }
    }

    /** Tells who may take {@code open} now, as their queues would list it. */
    private void announceWaiting(ApprovalStep open, List<ApprovalStep> chain) {
        Chain.Approver approver = open.approverKind();
        Set<Long> who = new HashSet<>(eligibleFor(approver, open.getSubmitterId()));
        who.remove(open.getSubmitterId());
        chain.forEach(step -> who.remove(step.getDecidedBy()));
        events.publishEvent(new ApprovalWaiting(open.getSubjectType(), open.getSubjectId(), open.getSubmitterId(),
                who));
    }

    /** Where the item's chain stands: every step, who took it, and which is open. */
    @Transactional(readOnly = true)
    public Progress progressOf(String subjectType, long subjectId) {
        return new Progress(steps.findBySubjectTypeAndSubjectIdOrderByPositionAsc(subjectType, subjectId).stream()
                .map(step -> new Progress.Step(step.getPosition() + 1, step.getApprover(), step.getAppliesAbove(),
                        step.getAmount(), step.getDecidedByName(), step.getDecidedAt(), step.getDecision(),
                        step.getReason(), step.isOpen()))
                .toList());
    }

    /**
     * The step of {@code item} that {@code decider} takes now. Refused, in this order: nothing open is a 409
     * ({@code decided}); the submitter is a 403 ({@code own}); someone the open step does not name, or who took an
     * earlier step, is a 403 ({@code notYours}); so is one whose taking the step would leave a later step with
     * nobody to take it ({@code approval.wouldStrand}). Whether the decider may see the item is the caller's to
     * check first (a 404).
     */
    @Transactional(readOnly = true)
    public Turn requireTurn(String subjectType, Decidable item, Decider decider, Wording wording) {
        List<ApprovalStep> chain = steps.findBySubjectTypeAndSubjectIdOrderByPositionAsc(subjectType, item.getId());
        Optional<ApprovalStep> open = chain.stream().filter(ApprovalStep::isOpen).findFirst();
        if (open.isEmpty()) {
            throw new Refusal.WrongState(wording.decided());
        }
        if (decider.id().filter(id -> id == item.submitter()).isPresent()) {
            throw new Refusal.NotPermitted(wording.own());
        }
        if (!admits(open.get(), chain, item, decider)) {
            throw new Refusal.NotPermitted(wording.notYours());
        }
        Optional<ApprovalStep> stranded = strandedBy(chain, item, decider.id().orElseThrow());
        if (stranded.isPresent()) {
            throw new Refusal.NotPermitted("approval.wouldStrand", stranded.get().getPosition() + 1,
                    new DefaultMessageSourceResolvable("chain.approver." + stranded.get().getApprover()));
        }
        return new Turn(chain, open.get(), decider, wording);
    }

    /** Whether {@code decider} may take the open step of {@code item} now: what screens ask. */
    @Transactional(readOnly = true)
    public boolean mayDecide(String subjectType, Decidable item, Decider decider) {
        List<ApprovalStep> chain = steps.findBySubjectTypeAndSubjectIdOrderByPositionAsc(subjectType, item.getId());
        return chain.stream().filter(ApprovalStep::isOpen).findFirst()
                .filter(open -> decider.id().filter(id -> id != item.submitter()).isPresent())
                .filter(open -> admits(open, chain, item, decider))
                .filter(open -> strandedBy(chain, item, decider.id().orElseThrow()).isEmpty()).isPresent();
    }

    /**
     * The first later step that nobody could take if {@code deciderId} took the open one, if any: each later step
     * needs a person of its own (one person takes one step of an item), never the submitter nor anyone who took a
     * step already. Who could take a step is read from the roles and reporting lines people hold.
     */
    private Optional<ApprovalStep> strandedBy(List<ApprovalStep> chain, Decidable item, long deciderId) {
        Set<Long> excluded = new HashSet<>(Set.of(item.submitter(), deciderId));
        chain.stream().map(ApprovalStep::getDecidedBy).filter(Objects::nonNull).forEach(excluded::add);
        int open = chain.stream().filter(ApprovalStep::isOpen).findFirst().orElseThrow().getPosition();
        List<ApprovalStep> later = chain.stream().filter(step -> step.getPosition() > open).toList();
        List<Set<Long>> candidates = new ArrayList<>();
        for (ApprovalStep step : later) {
            Set<Long> who = new HashSet<>(eligibleFor(step.approverKind(), item.submitter()));
            who.removeAll(excluded);
            candidates.add(who);
            if (!distinctApprovers(candidates, 0, new HashSet<>())) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /**
     * The first step, counted from 1, that nobody could take if an item of {@code amount} by {@code submitterId} went
     * into {@code chain} now (each step needs a person of its own, never the submitter); none when every step has
     * someone. An item that would wait for ever is refused before it is saved.
     */
    @Transactional(readOnly = true)
    public OptionalInt unapprovableStep(Chain chain, BigDecimal amount, long submitterId) {
        List<Set<Long>> candidates = new ArrayList<>();
        List<Chain.Step> applying = chain.stepsFor(amount);
        for (int position = 0; position < applying.size(); position++) {
            Set<Long> who = new HashSet<>(eligibleFor(applying.get(position).approver(), submitterId));
            who.remove(submitterId);
            candidates.add(who);
            if (!distinctApprovers(candidates, 0, new HashSet<>())) {
                return OptionalInt.of(position + 1);
            }
        }
        return OptionalInt.empty();
    }

    /** Everyone active who holds what {@code approver} names for an item of {@code submitterId}. */
    private List<Long> eligibleFor(Chain.Approver approver, long submitterId) {
        return approver instanceof Chain.HoldingRole holding
                ? people.activeIdsWithRole(holding.role())
                : people.aboveInLine(submitterId, approver instanceof Chain.GeneralManagerOfLine ? Role.DIRECTOR
                        : Role.MANAGER);
    }

    /** Whether each step from {@code from} on can be given a different person of its candidates. */
    private static boolean distinctApprovers(List<Set<Long>> candidates, int from, Set<Long> taken) {
        if (from == candidates.size()) {
            return true;
        }
        for (Long person : candidates.get(from)) {
            if (taken.add(person)) {
                if (distinctApprovers(candidates, from + 1, taken)) {
                    return true;
                }
                taken.remove(person);
            }
        }
        return false;
    }

    /** Whether {@code personId} takes the item's open step now, or took one of its steps: who sees it to decide. */
    @Transactional(readOnly = true)
    public boolean involves(String subjectType, Decidable item, long personId) {
        return steps.findBySubjectTypeAndSubjectIdOrderByPositionAsc(subjectType, item.getId()).stream()
                .anyMatch(step -> Long.valueOf(personId).equals(step.getDecidedBy()))
                || mayDecide(subjectType, item, decider(personId));
    }

    /**
     * The items of a type whose open step {@code personId} may take now, oldest first: what each person's queue
     * lists. One page of them ({@link Pageable#unpaged()}: all), each page's items loaded by {@code items} from their
     * ids, with how many wait in all.
     */
    @Transactional(readOnly = true)
    public <T> Page<T> waitingFor(String subjectType, long personId, Pageable pageable,
            Function<List<Long>, List<T>> items) {
        Page<Long> ids = waitingIds(subjectType, personId, pageable);
        return new PageImpl<>(ids.isEmpty() ? List.of() : items.apply(ids.getContent()), pageable,
                ids.getTotalElements());
    }

    /** How many items of each kind wait for {@code personId} now, for kinds with any: what a digest tells them. */
    @Transactional(readOnly = true)
    public Map<String, Long> waitingCounts(long personId) {
        Map<String, Long> counts = new TreeMap<>();
        for (String subjectType : steps.openSubjectTypes()) {
            long waiting = waitingIds(subjectType, personId, Pageable.ofSize(1)).getTotalElements();
            if (waiting > 0) {
                counts.put(subjectType, waiting);
            }
        }
        return counts;
    }

    /** Reads only what the query needs: the person's roles if active, and their reporting line if a step names it. */
    private Page<Long> waitingIds(String subjectType, long personId, Pageable pageable) {
        Set<Role> held = people.rolesInForce(personId);
        if (held.isEmpty()) {
            return Page.empty(pageable);
        }
        Set<String> roles = new HashSet<>(Set.of(""));
        held.forEach(role -> roles.add(new Chain.HoldingRole(role).code()));
        Set<String> lineApprovers = new HashSet<>(Set.of(""));
        if (held.contains(Role.MANAGER)) {
            lineApprovers.add(new Chain.SubmittersManager().code());
        }
        if (held.contains(Role.DIRECTOR)) {
            lineApprovers.add(new Chain.GeneralManagerOfLine().code());
        }
        Set<Long> line = new HashSet<>(Set.of(0L));
        if (lineApprovers.size() > 1) {
            line.addAll(people.reportingLineOf(personId));
        }
        return steps.openFor(subjectType, personId, roles, lineApprovers, line, pageable);
    }

    /**
     * Takes the step: closes it with the decision and, if it approved and a step follows, opens that one.
     * Returns whether this approved the item: it was the last step. Of two people deciding the step at once,
     * the second is told the item was decided meanwhile ({@code decided}) and changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean decide(Turn turn, boolean approve, String reason) {
        Person person = turn.decider.person().orElseThrow();
        turn.open.decide(approve, person.getId(), person.getUsername(), reason, clock.instant());
        try {
            steps.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new Refusal.WrongState(turn.wording.decided());
        }
        Optional<ApprovalStep> following = turn.following();
        if (approve && following.isPresent()) {
            following.get().open();
            steps.flush();
            announceWaiting(following.get(), turn.chain);
            return false;
        }
        events.publishEvent(new ApprovalDecided(turn.open.getSubjectType(), turn.open.getSubjectId(),
                turn.open.getSubmitterId(), approve, person.getUsername(), reason));
        return approve;
    }

    /** Ends the item's approval without a decision (withdrawn): its open step, if any, is no longer waited for. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void close(String subjectType, long subjectId) {
        steps.findBySubjectTypeAndSubjectIdOrderByPositionAsc(subjectType, subjectId).forEach(ApprovalStep::close);
    }

    private static boolean admits(ApprovalStep open, List<ApprovalStep> chain, Decidable item, Decider decider) {
        Optional<Person> active = decider.person().filter(Person::isActive);
        if (active.isEmpty()) {
            return false;
        }
        Person person = active.get();
        if (chain.stream().anyMatch(step -> Long.valueOf(person.getId()).equals(step.getDecidedBy()))) {
            return false;
        }
        Chain.Approver approver = open.approverKind();
        if (approver instanceof Chain.HoldingRole holding) {
            return decider.roles.contains(holding.role());
        }
        Role above = approver instanceof Chain.GeneralManagerOfLine ? Role.DIRECTOR : Role.MANAGER;
        return decider.roles.contains(above) && decider.reportingLine().contains(item.submitter());
    }

    /**
     * Writes the item's change now, under its optimistic lock: of two changes at once, the second is told the
     * item was decided meanwhile ({@code decided}) and changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void commit(JpaRepository<?, ?> repository, String decided) {
        try {
            repository.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new Refusal.WrongState(decided);
        }
    }

    /** Puts a change of status on the item's timeline, in the transaction of the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String subjectType, long subjectId, String actor, Enum<?> from, Enum<?> to, String reason) {
        record(subjectType, subjectId, actor, from == null ? null : from.name(), to.name(), reason);
    }

    /**
     * Puts a change on the item's timeline; an approved step that leaves the item's status as it was is told
     * as {@value #STEP_APPROVED}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String subjectType, long subjectId, String actor, String from, String to, String reason) {
        timeline.save(new TimelineEvent(subjectType, subjectId, clock.instant(), actor, from, to, reason));
    }

    /**
     * Since when each of {@code subjectIds} has waited at its open step: its last change of status, for the queues
     * that show how long each item has waited.
     */
    @Transactional(readOnly = true)
    public Map<Long, Instant> waitingSince(String subjectType, Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        return timeline.lastChanges(subjectType, subjectIds).stream().collect(Collectors.toMap(
                TimelineEventRepository.Waiting::getSubjectId, TimelineEventRepository.Waiting::getSince));
    }

    /** How long one step of one kind of item took to decide, on average, over {@code decided} decisions. */
    public record StepTime(String subjectType, int step, long decided, double averageHours) {
    }

    /** How long each step took for the items of {@code submitters} decided since {@code since}. */
    @Transactional(readOnly = true)
    public List<StepTime> decisionTimes(Collection<Long> submitters, Instant since) {
        if (submitters.isEmpty()) {
            return List.of();
        }
        return steps.decisionTimes(submitters, since).stream().map(row -> new StepTime(row.getSubjectType(),
                row.getStep(), row.getDecided(), row.getSeconds() == null ? 0 : row.getSeconds() / 3600)).toList();
    }

    /** What waits in the queues of one kind of item: how many, and since when the oldest has waited. */
    public record Queue(String subjectType, long waiting, Instant oldestSince) {
    }

    /** Every kind of item with an open step, for the operators' metrics. */
    @Transactional(readOnly = true)
    public List<Queue> queues() {
        return steps.queues().stream().map(row -> new Queue(row.getSubjectType(), row.getWaiting(), row.getSince()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<TimelineEvent> timelineOf(String subjectType, long subjectId) {
        return timeline.findBySubjectTypeAndSubjectIdOrderByIdAsc(subjectType, subjectId);
    }

    /** The open step of an item, as taken by one decider. */
    public static final class Turn {

        private final List<ApprovalStep> chain;
        private final ApprovalStep open;
        private final Decider decider;
        private final Wording wording;

        Turn(List<ApprovalStep> chain, ApprovalStep open, Decider decider, Wording wording) {
            this.chain = chain;
            this.open = open;
            this.decider = decider;
            this.wording = wording;
        }

        /** Whether approving this step approves the item. */
        public boolean isLast() {
            return following().isEmpty();
        }

        private Optional<ApprovalStep> following() {
            return chain.stream().filter(step -> step.getPosition() == open.getPosition() + 1).findFirst();
        }
    }

    /** A person about to decide. */
    public static final class Decider {

        private final Optional<Person> person;
        private final Set<Role> roles;
        private final Supplier<Set<Long>> line;
        private Set<Long> reportingLine;

        Decider(Optional<Person> person, Set<Role> roles, Supplier<Set<Long>> line) {
            this.person = person;
            this.roles = Set.copyOf(roles);
            this.line = line;
        }

        Optional<Person> person() {
            return person;
        }

        Optional<Long> id() {
            return person.map(Person::getId);
        }

        /** Everyone below this person in the reporting line, read once. */
        public Set<Long> reportingLine() {
            if (reportingLine == null) {
                reportingLine = line.get();
            }
            return reportingLine;
        }
    }
}
