package com.bonusdesk.dealers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import com.bonusdesk.calculation.DealerOrder;
import com.bonusdesk.calculation.DealerRules;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.PlanKind;
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
 * Flags dealers, sets their targets and computes their rebates. A closed month's orders give its pickup and
 * monthly rewards, a closed year's its annual reward; each is computed every night until the first working day
 * after it and whenever finance asks, bringing the lines to what the rules say (a return adds a reversing line).
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class Dealers {

    private final DealerRepository dealers;
    private final DealerTargets targets;
    private final ClientDirectory clients;
    private final PersonService people;
    private final Ledger ledger;
    private final BonusRules rules;
    private final LineApprovals lineApprovals;
    private final PlanCatalogue plans;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Flags a client a dealer, paid to the bank account given. Refused: anyone but finance (403), a code that is
     * not a client's or no bank details (400), a client already flagged (409).
     */
    @Transactional
    public Dealer flag(String clientCode, String bankName, String bankAccount, long financeId, String actor) {
        if (!isFinance(financeId)) {
            throw new Refusal.NotPermitted("dealer.financeOnly");
        }
        ClientDirectory.Known client = known(clientCode);
        String bank = blankToNull(bankName);
        String account = blankToNull(bankAccount);
        if (bank == null || account == null) {
            throw new Refusal.InvalidInput(bank == null ? "bankName" : "bankAccount", "dealer.bank.required");
        }
        if (dealers.findByClientId(client.id()).isPresent()) {
            throw new Refusal.WrongState("dealer.already");
        }
        long payee = people.clientPayee(client.code(), client.name(), bank, account, actor);
        Dealer dealer = dealers.saveAndFlush(new Dealer(client.id(), payee, actor, clock.instant()));
        events.publishEvent(new DealerChanged(actor, dealer.getId(), client.code() + " " + client.name(), "FLAGGED",
                null, "payee=" + payee));
        return dealer;
    }

    /** Sales management (a manager or general manager) sets a dealer's target for a year. */
    @Transactional
    public void setTarget(String clientCode, int year, BigDecimal target, long personId, String actor) {
        if (!maySetTargets(personId)) {
            throw new Refusal.NotPermitted("dealer.targets.notPermitted");
        }
        Dealer dealer = find(clientCode).orElseThrow(Refusal.NotFound::new);
        if (!isTargetYear(year)) {
            throw new Refusal.InvalidInput("year", "dealer.year.range");
        }
        if (target == null || target.signum() <= 0 || target.compareTo(Money.MAX) > 0
                || target.stripTrailingZeros().scale() > 2) {
            throw new Refusal.InvalidInput("target", "dealer.target.range");
        }
        set(dealer, year, Money.cents(target), actor);
    }

    /** A year a target may be set for: one whose last day the dealer plan is in force on, up to next year. */
    @Transactional(readOnly = true)
    public boolean isTargetYear(int year) {
        return year >= 1900 && year <= LocalDate.now(clock).getYear() + 1
                && plans.inForce(PlanKind.DEALER, DealerRules.class, LocalDate.of(year, 12, 31)).isPresent();
    }

    /** Records a target as set; for the import, whose rows are checked already. */
    @Transactional
    void set(Dealer dealer, int year, BigDecimal target, String actor) {
        Optional<BigDecimal> before = targets.set(dealer.getId(), year, target, actor);
        ClientDirectory.Known client = clientOf(dealer);
        events.publishEvent(new DealerChanged(actor, dealer.getId(), client.code() + " " + client.name(),
                "TARGET_SET", before.map(amount -> year + "=" + amount.toPlainString()).orElse(null),
                year + "=" + target.toPlainString()));
    }

    /**
     * Every night: last month until it is final, and in the new year last year's annual reward likewise. In a
     * transaction of its own, as the computations are called on this object, not through the proxy.
     */
    @Scheduled(cron = "${bonusdesk.dealers.cron:0 50 1 * * *}", zone = "${bonusdesk.zone:Asia/Shanghai}")
    @SchedulerLock(name = "dealer-rebates", lockAtLeastFor = "PT1M")
    @Transactional
    public void nightly() {
        LocalDate today = LocalDate.now(clock);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        BonusCalculator calculator = rules.calculator();
        if (!today.isAfter(calculator.firstWorkingDayAfter(lastMonth))) {
            log.info("Computing the dealers' rebates of {}", lastMonth);
            computeMonth(lastMonth);
            if (lastMonth.getMonthValue() == 12) {
                computeYear(lastMonth.getYear());
            }
        }
    }

    /** Computes a closed month's pickup and monthly rewards for every dealer; returns the lines added. */
    @Transactional
    public List<Ledger.Line> computeMonth(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new Refusal.NotEligible("MONTH_NOT_CLOSED", "keyAccount.month.notClosed");
        }
        BonusCalculator calculator = rules.calculator();
        List<Ledger.Line> added = new ArrayList<>();
        for (Dealer dealer : dealers.findAllByOrderByIdAsc()) {
            String source = monthSource(month);
            ledger.lock(source, dealer.getId());
            added.addAll(ledger.reconcile(source, dealer.getId(), dealer.getPayeeId(),
                    calculator.dealerMonth(month, ordersOf(dealer, month)).lines()));
            lineApprovals.require(source, dealer.getId(), dealer.getPayeeId(),
                    plans.approvalChainOn(PlanKind.DEALER, month.atEndOfMonth()));
        }
        return added;
    }

    /** Computes a closed year's annual reward for every dealer with a target; returns the lines added. */
    @Transactional
    public List<Ledger.Line> computeYear(int year) {
        if (year >= Year.now(clock).getValue()) {
            throw new Refusal.NotEligible("YEAR_NOT_CLOSED", "dealer.year.notClosed");
        }
        BonusCalculator calculator = rules.calculator();
        List<Ledger.Line> added = new ArrayList<>();
        for (Dealer dealer : dealers.findAllByOrderByIdAsc()) {
            Optional<BigDecimal> target = targets.of(dealer.getId(), year);
            String source = yearSource(year);
            ledger.lock(source, dealer.getId());
            added.addAll(ledger.reconcile(source, dealer.getId(), dealer.getPayeeId(), target.isEmpty() ? List.of()
                    : calculator.dealerYear(year, target.get(), yearTotal(dealer, year)).lines()));
            lineApprovals.require(source, dealer.getId(), dealer.getPayeeId(),
                    plans.approvalChainOn(PlanKind.DEALER, LocalDate.of(year, 12, 31)));
        }
        return added;
    }

    private List<DealerOrder> ordersOf(Dealer dealer, YearMonth month) {
        return clients.ordersIn(dealer.getClientId(), month).stream()
                .map(order -> new DealerOrder(order.orderNumber(), order.date(), order.amount())).toList();
    }

    private BigDecimal yearTotal(Dealer dealer, int year) {
        BigDecimal total = Money.ZERO;
        for (int month = 1; month <= 12; month++) {
            total = total.add(clients.ordersIn(dealer.getClientId(), YearMonth.of(year, month)).stream()
                    .map(ClientDirectory.Order::amount).reduce(Money.ZERO, BigDecimal::add));
        }
        return total;
    }

    /**
     * A closed month's rebate lines of every dealer, as {@code calculator} computes them, handed to {@code sink};
     * writes nothing. For replaying history through another plan.
     */
    @Transactional(readOnly = true)
    void replayMonth(BonusCalculator calculator, YearMonth month, PlanReplay.Sink sink) {
        for (Dealer dealer : dealers.findAllByOrderByIdAsc()) {
            calculator.dealerMonth(month, ordersOf(dealer, month)).lines()
                    .forEach(line -> sink.accept(dealer.getPayeeId(), line));
        }
    }

    /** A closed year's annual reward lines of every dealer with a target, as {@link #replayMonth} does a month's. */
    @Transactional(readOnly = true)
    void replayYear(BonusCalculator calculator, int year, PlanReplay.Sink sink) {
        for (Dealer dealer : dealers.findAllByOrderByIdAsc()) {
            targets.of(dealer.getId(), year).ifPresent(target -> calculator.dealerYear(year, target,
                    yearTotal(dealer, year)).lines().forEach(line -> sink.accept(dealer.getPayeeId(), line)));
        }
    }

    static String monthSource(YearMonth month) {
        return "R8:" + month;
    }

    static String yearSource(int year) {
        return "R8:" + year;
    }

    @Transactional(readOnly = true)
    public Page<Dealer> search(String query, Pageable pageable) {
        return dealers.search(SearchText.isBlank(query) ? "%" : SearchText.containsPattern(query), pageable);
    }

    @Transactional(readOnly = true)
    public Optional<Dealer> find(String clientCode) {
        return ClientCode.parse(clientCode == null ? "" : clientCode.strip()).flatMap(clients::find)
                .flatMap(client -> dealers.findByClientId(client.id()));
    }

    @Transactional(readOnly = true)
    public ClientDirectory.Known clientOf(Dealer dealer) {
        return clients.find(dealer.getClientId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Map<Integer, BigDecimal> targetsOf(Dealer dealer) {
        return targets.all(dealer.getId());
    }

    /** Every rebate line of a dealer, by the date it was earned: its payee is paid nothing else. */
    @Transactional(readOnly = true)
    public List<Ledger.Line> linesOf(Dealer dealer) {
        return ledger.linesOfPayee(dealer.getPayeeId(), LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31));
    }

    @Transactional(readOnly = true)
    public boolean isFinance(long personId) {
        return people.actsAs(personId, Role.FINANCE);
    }

    @Transactional(readOnly = true)
    public boolean maySetTargets(long personId) {
        return people.actsAs(personId, Role.MANAGER, Role.DIRECTOR);
    }

    private ClientDirectory.Known known(String clientCode) {
        ClientCode code = ClientCode.parse(clientCode == null ? "" : clientCode.strip())
                .orElseThrow(() -> new Refusal.InvalidInput("clientCode", "keyAccount.clientCode.invalid"));
        return clients.find(code)
                .orElseThrow(() -> new Refusal.InvalidInput("clientCode", "keyAccount.clientCode.unknown"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
