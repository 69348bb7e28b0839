package com.bonusdesk.people;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.SearchText;
import com.bonusdesk.web.SignedInSessions;

/** Creates and changes accounts; every change is published as a {@link PersonChanged} for the audit trail. */
@Service
@RequiredArgsConstructor
@Transactional
public class PersonService {

    private static final int CARD_SLICE = 10_000;

    private volatile String unusablePassword;
    /** The department the payout sheet lists referring customers under. */
    private static final String REFERRING_CUSTOMERS = "老业主 Customers";

    /** The department the payout sheet lists client companies under (key accounts, dealers). */
    private static final String CLIENT_COMPANIES = "客户 Clients";

    private final PersonRepository people;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignedInSessions sessions;

    @Transactional(readOnly = true)
    public Page<Person> search(String query, Pageable pageable) {
        if (SearchText.isBlank(query)) {
            return people.findPage(pageable);
        }
        return people.search(SearchText.containsPattern(query), pageable);
    }

    @Transactional(readOnly = true)
    public Optional<Person> find(long id) {
        return people.findWithManagerById(id);
    }

    /** The signed-in form of an active person, for a credential other than their password (an API token). */
    @Transactional(readOnly = true)
    public Optional<PersonPrincipal> activePrincipal(long id) {
        return people.findById(id).filter(Person::isActive).map(PersonPrincipal::new);
    }

    @Transactional(readOnly = true)
    public Optional<Person> findByUsername(String username) {
        return people.findByUsername(PersonDetailsService.normalise(username));
    }

    @Transactional(readOnly = true)
    public List<Person> activePeople() {
        return people.findByActiveTrueOrderByDisplayName();
    }

    /** The people with these ids, by id; asked in slices, so that any number of ids can be asked. */
    @Transactional(readOnly = true)
    public Map<Long, PersonCard> cards(Collection<Long> ids) {
        return inSlices(ids, people::findCards, PersonCard::id);
    }

    /** What {@code find} says of each of {@code ids}, by id, asked a slice of ids at a time. */
    private static <T> Map<Long, T> inSlices(Collection<Long> ids, Function<List<Long>, List<T>> find,
            Function<T, Long> idOf) {
        Map<Long, T> found = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CARD_SLICE) {
            find.apply(all.subList(from, Math.min(all.size(), from + CARD_SLICE)))
                    .forEach(each -> found.put(idOf.apply(each), each));
        }
        return found;
    }

    /** The ids of the people whose username, name or employee number contain {@code query}. */
    @Transactional(readOnly = true)
    public Set<Long> idsMatching(String query) {
        return new HashSet<>(people.findIdsMatching(SearchText.containsPattern(query)));
    }

    /** Everyone below {@code managerId} in the reporting line, directly or not. */
    @Transactional(readOnly = true)
    public Set<Long> reportingLineOf(long managerId) {
        return new HashSet<>(people.findReportingLine(managerId));
    }

    /** How each of {@code ids} is reached. */
    @Transactional(readOnly = true)
    public Map<Long, PersonContact> contacts(Collection<Long> ids) {
        return inSlices(ids, people::findContacts, PersonContact::id);
    }

    /** A person's own choice of where mail reaches them and in which language; audited as any change of theirs. */
    @Transactional
    public void changeContact(long id, String email, String language, String actor) {
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && (address.length() > 200 || !address.matches(PersonForm.EMAIL_PATTERN))) {
            throw new Refusal.InvalidInput("email", "person.email.pattern");
        }
        if (!"zh-CN".equals(language) && !"en".equals(language)) {
            throw new Refusal.InvalidInput("language", "person.language.unknown");
        }
        Person person = people.findById(id).orElseThrow();
        String before = person.snapshot();
        person.reachAt(address, language, clock.instant());
        String after = person.snapshot();
        if (!before.equals(after)) {
            events.publishEvent(new PersonChanged(actor, id, person.getUsername(), PersonChanged.Change.UPDATED,
                    before, after));
        }
    }

    /** Everyone active who holds {@code role}. */
    @Transactional(readOnly = true)
    public List<Long> activeIdsWithRole(Role role) {
        return people.findActiveIdsWithRole(role);
    }

    /** Everyone active above {@code personId} in the reporting line who holds {@code role}, nearest first. */
    @Transactional(readOnly = true)
    public List<Long> aboveInLine(long personId, Role role) {
        return people.findAboveInLine(personId, role.name());
    }

    /** The roles a person holds while active; none once deactivated. */
    @Transactional(readOnly = true)
    public Set<Role> rolesOfActive(long id) {
        return people.findRolesOfActive(id);
    }

    /**
     * The roles {@code id} acts with now: what every check of what they may see or do reads. While they are the one
     * making the request being served, only those their sign-in grants as well (an API token's scope), never all
     * they hold; for anyone else, and for work no request asked for, the roles they hold. None once deactivated.
     */
    @Transactional(readOnly = true)
    public Set<Role> rolesInForce(long id) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        held.addAll(people.findRolesOfActive(id));
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof PersonPrincipal principal
                && principal.getId() == id) {
            held.retainAll(principal.getRoles());
        }
        return held;
    }

    /** Whether {@code id} is active and acts now with at least one of {@code roles} (see {@link #rolesInForce}). */
    @Transactional(readOnly = true)
    public boolean actsAs(long id, Role... roles) {
        Set<Role> inForce = rolesInForce(id);
        return Arrays.stream(roles).anyMatch(inForce::contains);
    }

    /**
     * The people whose items {@code id} sees as their leader: their reporting line while they act as a manager or
     * general manager, nobody otherwise.
     */
    @Transactional(readOnly = true)
    public Set<Long> ledBy(long id) {
        return actsAs(id, Role.MANAGER, Role.DIRECTOR) ? reportingLineOf(id) : new HashSet<>();
    }

    Person create(PersonForm form, String actor) {
        Instant now = clock.instant();
        Person person = new Person(form.getUsername(), passwordEncoder.encode(form.getPassword()),
                form.getDisplayName(), now);
        applyForm(person, form, now);
        try {
            people.saveAndFlush(person);
        } catch (DataIntegrityViolationException e) {
            throw new Refusal.WrongState("person.save.conflict");
        }
        events.publishEvent(new PersonChanged(actor, person.getId(), person.getUsername(),
                PersonChanged.Change.CREATED, null, person.snapshot()));
        return person;
    }

    Person update(long id, PersonForm form, String actor) {
        Person person = people.findById(id).orElseThrow();
        if (form.getVersion() == null || form.getVersion() != person.getVersion()) {
            throw new Refusal.WrongState("person.save.stale");
        }
        Instant now = clock.instant();
        String before = person.snapshot();
        Set<Role> rolesBefore = person.getRoles();
        applyForm(person, form, now);
        String after = person.snapshot();
        if (!before.equals(after)) {
            if (!person.getRoles().equals(rolesBefore)) {
                sessions.endSessionsOf(person.getUsername());
            }
            events.publishEvent(new PersonChanged(actor, id, person.getUsername(),
                    PersonChanged.Change.UPDATED, before, after));
        }
        if (form.hasPassword()) {
            person.changePassword(passwordEncoder.encode(form.getPassword()), now);
            events.publishEvent(new PersonChanged(actor, id, person.getUsername(),
                    PersonChanged.Change.PASSWORD_RESET, null, null));
        }
        try {
            people.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new Refusal.WrongState("person.save.stale");
        } catch (DataIntegrityViolationException e) {
            throw new Refusal.WrongState("person.save.conflict");
        }
        return person;
    }

    void deactivate(long id, String actor) {
        Person person = people.findById(id).orElseThrow();
        if (!person.isActive()) {
            return;
        }
        String before = person.snapshot();
        person.deactivate(clock.instant());
        sessions.endSessionsOf(person.getUsername());
        events.publishEvent(new PersonChanged(actor, id, person.getUsername(),
                PersonChanged.Change.DEACTIVATED, before, person.snapshot()));
    }

    void activate(long id, String actor) {
        Person person = people.findById(id).orElseThrow();
        if (person.isActive()) {
            return;
        }
        String before = person.snapshot();
        person.activate(clock.instant());
        events.publishEvent(new PersonChanged(actor, id, person.getUsername(),
                PersonChanged.Change.REACTIVATED, before, person.snapshot()));
    }

    /**
     * The person a customer outside the company is paid as (a referring customer, 老业主): found by mobile,
     * created without a role and unable to sign in, with the name and bank details given now.
     */
    public long externalPayee(String name, String mobile, String bankName, String bankAccount, String actor) {
        return outsidePayee("customer-" + mobile, name, REFERRING_CUSTOMERS, bankName, bankAccount, actor);
    }

    /**
     * The person a client company is paid as (a key account, a dealer): found by its client code, created without a
     * role and unable to sign in, with the name and bank details given now.
     */
    public long clientPayee(String clientCode, String name, String bankName, String bankAccount, String actor) {
        return outsidePayee("client-" + clientCode, name, CLIENT_COMPANIES, bankName, bankAccount, actor);
    }

    private long outsidePayee(String username, String name, String department, String bankName, String bankAccount,
            String actor) {
        Instant now = clock.instant();
        Person person = people.findByUsername(username).orElse(null);
        String before = person == null ? null : person.snapshot();
        if (person == null) {
            person = new Person(username, unusablePassword(), name, now);
            person.deactivate(now);
        }
        person.describe(name, null, department, now);
        person.payTo(bankName, bankAccount, now);
        people.saveAndFlush(person);
        if (!person.snapshot().equals(before)) {
            events.publishEvent(new PersonChanged(actor, person.getId(), username,
                    before == null ? PersonChanged.Change.CREATED : PersonChanged.Change.UPDATED, before,
                    person.snapshot()));
        }
        return person.getId();
    }

    /**
     * The password hash of people who never sign in (client companies, referring customers): the hash of a random
     * secret nobody holds, made once per process rather than once per payee, since each hash costs a bcrypt round.
     */
    private String unusablePassword() {
        String hash = unusablePassword;
        if (hash == null) {
            hash = passwordEncoder.encode(UUID.randomUUID().toString());
            unusablePassword = hash;
        }
        return hash;
    }

    /** Creates an account outside any form: the demo accounts and the first administrator. */
    Person enrol(String username, String rawPassword, String displayName, String employeeNumber,
            String department, Person manager, Set<Role> roles, String actor) {
        return enrolHashed(username, hash(rawPassword), displayName, employeeNumber, department, manager, roles, actor);
    }

    /** A password as it is kept: hashed, salted, slow on purpose. */
    String hash(String rawPassword) {
        return passwordEncoder.encode(rawPassword);
    }

    /**
     * Enrols with a password already hashed: for accounts that share one, as the demo accounts do, so that start-up
     * hashes it once, not once per account.
     */
    Person enrolHashed(String username, String passwordHash, String displayName, String employeeNumber,
            String department, Person manager, Set<Role> roles, String actor) {
        Instant now = clock.instant();
        Person person = new Person(username, passwordHash, displayName, now);
        person.describe(displayName, employeeNumber, department, now);
        person.assignRoles(roles, now);
        person.reportTo(manager, now);
        people.saveAndFlush(person);
        events.publishEvent(new PersonChanged(actor, person.getId(), username,
                PersonChanged.Change.CREATED, null, person.snapshot()));
        return person;
    }

    private void applyForm(Person person, PersonForm form, Instant now) {
        person.describe(form.getDisplayName(), form.employeeNumberOrNull(), form.departmentOrNull(), now);
        person.payTo(form.bankNameOrNull(), form.bankAccountOrNull() != null ? form.bankAccountOrNull()
                : person.getBankAccount(), now);
        person.reachAt(form.emailOrNull(), form.getLanguage(), now);
        person.callAt(form.mobileOrNull(), now);
        person.assignRoles(form.getRoles(), now);
        Person manager = form.getManagerId() == null ? null : people.findById(form.getManagerId()).orElseThrow();
        person.reportTo(manager, now);
    }
}
