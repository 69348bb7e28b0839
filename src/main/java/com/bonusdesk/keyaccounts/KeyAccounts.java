package com.bonusdesk.keyaccounts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.KeyAccountFacts;
import com.bonusdesk.calculation.KeyAccountMode;
import com.bonusdesk.calculation.KeyAccountResult;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.ReasonCode;
import com.bonusdesk.clients.ClientCode;
import com.bonusdesk.clients.ClientDirectory;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.plans.PlanReplay;
import com.bonusdesk.rebates.LineApprovals;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.SearchText;

/**
 * Designates key accounts and computes their months. A month is computed after it closes, every night until the
 * first working day after it (like R3), and whenever finance asks: each computation brings the month's subsidy line
 * to what the rules say (a late order or a return after payment adds a reversing line), or records next month's
 * discount rate, or that the month waits for the client's individual agreement.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class KeyAccounts {

    private final KeyAccountRepository accounts;
    private final KeyAccountMonths months;
    private final AgreementRepository agreements;
    private final LineApprovals lineApprovals;
    private final PlanCatalogue plans;
    private final ClientDirectory clients;
    private final PersonService people;
    private final Ledger ledger;
    private final BonusRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** What finance gives to designate a key account; bank details are required for a cash subsidy. */
    public record Designation(String clientCode, LocalDate from, ClientClass clientClass, KeyAccountMode mode,
            String bankName, String bankAccount) {
    }

    /**
     * Designates a client a key account. Refused: anyone but finance (403), a code that is not a client's (400),
     * a client that already is one (409), cash without bank details (400).
     */
    @Transactional
    public KeyAccount designate(Designation designation, long financeId, String actor) {
        requireFinance(financeId);
        ClientCode code = ClientCode.parse(designation.clientCode() == null ? "" : designation.clientCode().strip())
                .orElseThrow(() -> new Refusal.InvalidInput("clientCode", "keyAccount.clientCode.invalid"));
        ClientDirectory.Known client = clients.find(code)
                .orElseThrow(() -> new Refusal.InvalidInput("clientCode", "keyAccount.clientCode.unknown"));
        if (designation.from() == null) {
            throw new Refusal.InvalidInput("from", "keyAccount.from.required");
        }
        if (designation.clientClass() == null) {
            throw new Refusal.InvalidInput("clientClass", "keyAccount.clientClass.required");
        }
        if (designation.mode() == null) {
            throw new Refusal.InvalidInput("mode", "keyAccount.mode.required");
        }
        if (accounts.findByClientId(client.id()).isPresent()) {
            throw new Refusal.WrongState("keyAccount.already");
        }
        String bankName = blankToNull(designation.bankName());
        String bankAccount = blankToNull(designation.bankAccount());
        if (designation.mode() == KeyAccountMode.CASH && (bankName == null || bankAccount == null)) {
            throw new Refusal.InvalidInput(bankName == null ? "bankName" : "bankAccount", "keyAccount.bank.required");
        }
        Long payee = bankName == null || bankAccount == null ? null
                : people.clientPayee(client.code(), client.name(), bankName, bankAccount, actor);
        KeyAccount account = accounts.saveAndFlush(new KeyAccount(client.id(), designation.clientClass(),
                designation.mode(), designation.from(), payee, actor, clock.instant()));
        events.publishEvent(new KeyAccountChanged(actor, account.getId(), client.code() + " " + client.name(),
                "DESIGNATED", null, account.describe()));
        return account;
    }

    /**
     * Every night: last month, until it is final on the first working day after it. In a transaction of its own,
     * as {@link #compute} is called on this object, not through the proxy that would open one.
     */
    @Scheduled(cron = "${bonusdesk.key-accounts.cron:0 40 1 * * *}", zone = "${bonusdesk.zone:Asia/Shanghai}")
    @SchedulerLock(name = "key-account-months", lockAtLeastFor = "PT1M")
    @Transactional
    public void nightly() {
        LocalDate today = LocalDate.now(clock);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        if (!today.isAfter(rules.calculator().firstWorkingDayAfter(lastMonth))) {
            log.info("Computing the key-account months of {}", lastMonth);
            compute(lastMonth);
        }
    }

    /**
     * Computes {@code month} for every key account designated by its end; a month not yet over is refused.
     * Returns the months computed.
     */
    @Transactional
    public List<KeyAccountMonths.Month> compute(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new Refusal.NotEligible("MONTH_NOT_CLOSED", "keyAccount.month.notClosed");
        }
        BonusCalculator calculator = rules.calculator();
        List<KeyAccountMonths.Month> computed = new ArrayList<>();
        for (KeyAccount account : accounts.findByValidFromLessThanEqualOrderByIdAsc(month.atEndOfMonth())) {
            computed.add(compute(account, month, calculator));
        }
        return computed;
    }

    /** Computes one closed month of one key account again: after its agreement is approved. */
    @Transactional
    KeyAccountMonths.Month recompute(KeyAccount account, YearMonth month) {
        return compute(account, month, rules.calculator());
    }

    KeyAccount byId(long id) {
        return accounts.findById(id).orElseThrow();
    }

    private KeyAccountMonths.Month compute(KeyAccount account, YearMonth month, BonusCalculator calculator) {
        String source = source(month);
        ledger.lock(source, account.getId());
        KeyAccountFacts facts = facts(account, month);
        BigDecimal purchases = facts.purchases();
        KeyAccountMode mode = facts.mode();
        KeyAccountResult result = calculator.keyAccountMonth(facts);
        if (account.getPayeeId() != null) {
            ledger.reconcile(source, account.getId(), account.getPayeeId(), result.result().lines());
            lineApprovals.require(source, account.getId(), account.getPayeeId(),
                    plans.approvalChainOn(PlanKind.KEY_ACCOUNT, month.atEndOfMonth()));
        }
        KeyAccountMonths.Outcome outcome = result.hasDiscount() ? KeyAccountMonths.Outcome.DISCOUNT
                : !result.result().lines().isEmpty() ? KeyAccountMonths.Outcome.SUBSIDY
                : result.result().reasons().stream().anyMatch(reason -> reason.code() == ReasonCode.AGREEMENT_NEEDED)
                        ? KeyAccountMonths.Outcome.NEEDS_AGREEMENT : KeyAccountMonths.Outcome.NOTHING;
        KeyAccountMonths.Month computed = new KeyAccountMonths.Month(account.getId(), month, purchases, mode, outcome,
                outcome == KeyAccountMonths.Outcome.SUBSIDY ? result.result().total() : null, result.discountRate());
        months.record(computed);
        return computed;
    }

    /** What a key account's closed month is computed from: its purchases since designation, mode and agreement. */
    private KeyAccountFacts facts(KeyAccount account, YearMonth month) {
        BigDecimal purchases = clients.ordersIn(account.getClientId(), month).stream()
                .filter(order -> !order.date().isBefore(account.getValidFrom()))
                .map(ClientDirectory.Order::amount).reduce(Money.ZERO, BigDecimal::add);
        KeyAccountFacts.Agreement agreement = agreements.findByKeyAccountIdAndStatusOrderByIdDesc(account.getId(),
                Agreement.Status.APPROVED).stream().filter(approved -> approved.covers(month)).findFirst()
                .map(Agreement::terms).orElse(null);
        return new KeyAccountFacts(month, purchases, modeFor(account, month.getYear()), agreement);
    }

    /**
     * Each closed month's subsidy lines of every key account paid to a payee, as {@code calculator} computes them,
     * handed to {@code sink}; writes nothing. For replaying history through another plan.
     */
    @Transactional(readOnly = true)
    void replay(BonusCalculator calculator, YearMonth month, PlanReplay.Sink sink) {
        for (KeyAccount account : accounts.findByValidFromLessThanEqualOrderByIdAsc(month.atEndOfMonth())) {
            if (account.getPayeeId() != null) {
                calculator.keyAccountMonth(facts(account, month)).result().lines()
                        .forEach(line -> sink.accept(account.getPayeeId(), line));
            }
        }
    }

    /** The mode of a plan year: the one chosen for it, else the one given at designation. */
    @Transactional(readOnly = true)
    public KeyAccountMode modeFor(KeyAccount account, int year) {
        return months.modeChosenFor(account.getId(), year).orElse(account.getMode());
    }

    /**
     * Finance records the mode a key account chose for a plan year; cash to an account never paid before needs
     * its bank details. Refused once a month of that year is computed (never both modes in one year: 409).
     */
    @Transactional
    public void chooseMode(String clientCode, int year, KeyAccountMode mode, String bankName, String bankAccount,
            long financeId, String actor) {
        requireFinance(financeId);
        KeyAccount account = find(clientCode).orElseThrow(Refusal.NotFound::new);
        if (year < 1900 || year > 2999) {
            throw new Refusal.InvalidInput("year", "dealer.year.range");
        }
        if (mode == null) {
            throw new Refusal.InvalidInput("mode", "keyAccount.mode.required");
        }
        KeyAccountMode before = modeFor(account, year);
        if (before != mode && months.anyComputedIn(account.getId(), year)) {
            throw new Refusal.WrongState("keyAccount.mode.yearStarted");
        }
        ClientDirectory.Known client = clientOf(account);
        if (mode == KeyAccountMode.CASH && account.getPayeeId() == null) {
            String bank = blankToNull(bankName);
            String number = blankToNull(bankAccount);
            if (bank == null || number == null) {
                throw new Refusal.InvalidInput(bank == null ? "bankName" : "bankAccount", "keyAccount.bank.required");
            }
            account.payTo(people.clientPayee(client.code(), client.name(), bank, number, actor));
        }
        months.chooseMode(account.getId(), year, mode, actor);
        events.publishEvent(new KeyAccountChanged(actor, account.getId(), client.code() + " " + client.name(),
                "MODE_CHOSEN", year + "=" + before, year + "=" + mode));
    }

    /** The ledger source of a month's subsidies: one per key account. */
    static String source(YearMonth month) {
        return "R7:" + month;
    }

    @Transactional(readOnly = true)
    public Page<KeyAccount> search(String query, ClientClass clientClass, KeyAccountMode mode, Pageable pageable) {
        return accounts.search(SearchText.isBlank(query) ? "%" : SearchText.containsPattern(query),
                clientClass == null ? null : clientClass.name(), mode == null ? null : mode.name(), pageable);
    }

    @Transactional(readOnly = true)
    public Optional<KeyAccount> find(String clientCode) {
        return ClientCode.parse(clientCode == null ? "" : clientCode).flatMap(clients::find)
                .flatMap(client -> accounts.findByClientId(client.id()));
    }

    @Transactional(readOnly = true)
    public ClientDirectory.Known clientOf(KeyAccount account) {
        return clients.find(account.getClientId()).orElseThrow();
    }

    /** A key account's computed months, newest first, each with its ledger lines. */
    @Transactional(readOnly = true)
    public List<MonthWithLines> monthsOf(KeyAccount account) {
        return months.of(account.getId()).stream().map(month -> new MonthWithLines(month,
                ledger.linesOf(source(month.month()), account.getId()))).toList();
    }

    /** A month's statement for the client: its orders, what they add up to, and what the month gave. */
    public record Statement(ClientDirectory.Known client, KeyAccountMonths.Month month,
            List<ClientDirectory.Order> orders, List<Ledger.Line> lines) {
    }

    /** The statement of a computed month; none before the month is computed. */
    @Transactional(readOnly = true)
    public Optional<Statement> statement(KeyAccount account, YearMonth month) {
        return months.of(account.getId()).stream().filter(row -> row.month().equals(month)).findFirst()
                .map(row -> new Statement(clientOf(account), row, clients.ordersIn(account.getClientId(), month)
                        .stream().filter(order -> !order.date().isBefore(account.getValidFrom())).toList(),
                        ledger.linesOf(source(month), account.getId())));
    }

    /** A computed month and the lines it holds in the ledger. */
    public record MonthWithLines(KeyAccountMonths.Month month, List<Ledger.Line> lines) {
    }

    /** One row of the discount export: the client's code, the month its orders get the rate, the rate in percent. */
    public record DiscountRow(String clientCode, YearMonth month, BigDecimal percent) {
    }

    /** The discount rates that apply to the orders of {@code month}, set by the month before. */
    @Transactional(readOnly = true)
    public List<DiscountRow> discountsFor(YearMonth month) {
        return months.in(month.minusMonths(1), KeyAccountMonths.Outcome.DISCOUNT).stream()
                .map(row -> new DiscountRow(clients.find(accounts.findById(row.keyAccountId()).orElseThrow()
                        .getClientId()).orElseThrow().code(), month,
                        Money.inPercent(row.discountRate())))
                .toList();
    }

    /** How many months of the last closed month wait for an individual agreement: finance's home count. */
    @Transactional(readOnly = true)
    public long waitingForAgreement() {
        return months.in(YearMonth.now(clock).minusMonths(1), KeyAccountMonths.Outcome.NEEDS_AGREEMENT).size();
    }

    @Transactional(readOnly = true)
    public boolean mayChange(long personId) {
        return people.actsAs(personId, Role.FINANCE);
    }

    private void requireFinance(long personId) {
        if (!mayChange(personId)) {
            throw new Refusal.NotPermitted("keyAccount.financeOnly");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
