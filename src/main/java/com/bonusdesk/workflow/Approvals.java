package com.bonusdesk.workflow;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
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

    private final PersonService people;
    private final TimelineEventRepository timeline;
    private final TransactionTemplate transactions;
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
        return new Decider(people.find(personId), () -> people.reportingLineOf(personId));
    }

    /**
     * The step of {@code item} that {@code decider} takes now, counted from 0. Refused, in this order: nothing open
     * is a 409 ({@code decided}); the submitter is a 403 ({@code own}); someone not admitted by the open step, or
     * who took an earlier step, is a 403 ({@code notYours}). Whether the decider may see the item is the caller's
     * to check first (a 404).
     */
    public int requireTurn(Decidable item, Chain chain, Decider decider, Wording wording) {
        OptionalInt open = item.openStep();
        if (open.isEmpty()) {
            throw new Refusal.WrongState(wording.decided());
        }
        if (decider.id().filter(id -> id == item.submitter()).isPresent()) {
            throw new Refusal.NotPermitted(wording.own());
        }
        if (!admits(chain, open.getAsInt(), item, decider)) {
            throw new Refusal.NotPermitted(wording.notYours());
        }
        return open.getAsInt();
    }

    /** Whether {@code decider} may take the open step of {@code item} now: what screens and queues ask. */
    public boolean mayDecide(Decidable item, Chain chain, Decider decider) {
        OptionalInt open = item.openStep();
        return open.isPresent() && decider.id().filter(id -> id != item.submitter()).isPresent()
                && admits(chain, open.getAsInt(), item, decider);
    }

    private static boolean admits(Chain chain, int step, Decidable item, Decider decider) {
        if (decider.person().filter(Person::isActive).isEmpty()
                || item.approvers().contains(decider.person().get().getId())) {
            return false;
        }
        Person person = decider.person().get();
        Chain.Approver approver = chain.step(step).approver();
        if (approver instanceof Chain.HoldingRole holding) {
            return person.hasRole(holding.role());
        }
        return person.hasRole(Role.MANAGER) && decider.reportingLine().contains(item.submitter());
    }

    /**
     * Writes the decision now, under the item's optimistic lock: of two decisions at once, the second is told the
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
        timeline.save(new TimelineEvent(subjectType, subjectId, clock.instant(), actor, from == null ? null : from.name(),
                to.name(), reason));
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

    @Transactional(readOnly = true)
    public List<TimelineEvent> timelineOf(String subjectType, long subjectId) {
        return timeline.findBySubjectTypeAndSubjectIdOrderByIdAsc(subjectType, subjectId);
    }

    /** A person about to decide. */
    public static final class Decider {

        private final Optional<Person> person;
        private final Supplier<Set<Long>> line;
        private Set<Long> reportingLine;

        Decider(Optional<Person> person, Supplier<Set<Long>> line) {
            this.person = person;
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
