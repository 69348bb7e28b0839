package com.bonusdesk.simulations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import lombok.extern.slf4j.Slf4j;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.claims.ClaimFigures;
import com.bonusdesk.people.PersonCard;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.plans.PlanReplay;
import com.bonusdesk.plans.StoredPlanVersion;
import com.bonusdesk.refusal.Refusal;

/**
 * Replays a period of history through a plan version and through the versions actually in force, with the same
 * facts, calendar and calculation as real lines, and keeps only the comparison: nothing else is written. A
 * simulation runs in the background; the caller waits for it a few seconds, so that a small one is done at once.
 * One runs at a time per version, on whichever instance was asked.
 */
@Slf4j
@Service
public class Simulations {

    /** Longer periods are not history a plan change is judged on, and replaying them takes minutes. */
    static final int MOST_MONTHS = 24;

    /** How many payees the largest changes up, and down, list. */
    static final int CHANGES_SHOWN = 20;

    /** A simulation still running this long after it began was left by an instance that stopped. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

    private final PlanCatalogue catalogue;
    private final BonusRules rules;
    private final List<PlanReplay> replays;
    private final ClaimFigures claims;
    private final PersonService people;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("plan-simulation-");

    Simulations(PlanCatalogue catalogue, BonusRules rules, List<PlanReplay> replays, ClaimFigures claims,
            PersonService people, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.replays = replays;
        this.claims = claims;
        this.people = people;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        executor.setConcurrencyLimit(2);
        // a shutdown does not wait for a simulation: it is marked abandoned and can be run again
        executor.setDaemon(true);
    }

    /** Where a simulation stands; its result once done. */
    public record Simulation(long id, long planVersionId, LocalDate from, LocalDate to, String status, int progress,
            SimulationResult result, String failure, Map<String, String> rules, String requestedBy, Instant requestedAt) {

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    /** The last full quarter before {@code today}: what a simulation covers unless asked otherwise. */
    public static LocalDate[] lastFullQuarter(LocalDate today) {
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        return new LocalDate[] {quarterStart.minusMonths(3), quarterStart.minusDays(1)};
    }

    /**
     * Starts simulating version {@code versionId} over {@code from}–{@code to} and waits for it up to
     * {@code wait}; returns its id either way. Refused for a period that runs backwards, is longer than 24 months
     * or is not history yet, and while the version's previous simulation still runs.
     */
    public long start(long versionId, LocalDate from, LocalDate to, String actor, Duration wait) {
        StoredPlanVersion version = catalogue.find(versionId).orElseThrow(Refusal.NotFound::new);
        LocalDate today = LocalDate.now(clock);
        if (from.isAfter(to)) {
            throw new Refusal.InvalidInput("from", "simulation.period.backwards", from.toString(), to.toString());
        }
        if (to.isAfter(today)) {
            throw new Refusal.InvalidInput("to", "simulation.period.future", today.toString());
        }
        if (from.plusMonths(MOST_MONTHS).isBefore(to.plusDays(1))) {
            throw new Refusal.InvalidInput("from", "simulation.period.tooLong", MOST_MONTHS);
        }
        jdbc.update("update plan_simulation set status = 'FAILED', failure = 'abandoned', finished_at = ?"
                + " where plan_version_id = ? and status = 'RUNNING' and requested_at < ?",
                Timestamp.from(clock.instant()), versionId, Timestamp.from(clock.instant().minus(ABANDONED_AFTER)));
        long id;
        try {
            id = jdbc.queryForObject("""
                    insert into plan_simulation (plan_version_id, from_day, to_day, rules, status, requested_by,
                                                 requested_at)
                    values (?, ?, ?, ?::jsonb, 'RUNNING', ?, ?) returning id""", Long.class, versionId, from, to,
                    version.getRules(), actor, Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException running) {
            long runningId = jdbc.queryForObject("select id from plan_simulation where plan_version_id = ?"
                    + " and status = 'RUNNING'", Long.class, versionId);
            throw new Refusal.WrongState("simulation.running.already", List.of(), Map.of("simulationId", runningId));
        }
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> run(id, version, from, to), executor);
        try {
            done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            log.info("Simulation {} goes on in the background", id);
        } catch (ExecutionException failed) {
            // the simulation recorded its own failure; the caller sees it on the simulation's page
            log.debug("Simulation {} failed", id, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return id;
    }

    public Optional<Simulation> find(long id) {
        return jdbc.query(SELECT + " where id = ?", this::simulation, id).stream().findFirst();
    }

    /** The simulations of one version, the latest first: to compare what its rules, as they were, would cost. */
    public List<Simulation> ofVersion(long versionId) {
        return jdbc.query(SELECT + " where plan_version_id = ? order by id desc limit 50", this::simulation, versionId);
    }

    /** The simulations named, in the order named; those that do not exist are left out. */
    public List<Simulation> all(List<Long> ids) {
        return ids.stream().distinct().map(this::find).flatMap(Optional::stream).toList();
    }

    private static final String SELECT = "select id, plan_version_id, from_day, to_day, status, progress, result,"
            + " failure, rules, requested_by, requested_at from plan_simulation";

    private Simulation simulation(ResultSet row, int number) throws SQLException {
        return new Simulation(row.getLong(1), row.getLong(2), row.getObject(3, LocalDate.class),
                row.getObject(4, LocalDate.class), row.getString(5), row.getInt(6),
                row.getString(7) == null ? null : json.readValue(row.getString(7), SimulationResult.class),
                row.getString(8), Parameters.flatten(json.readTree(row.getString(9))), row.getString(10),
                row.getTimestamp(11).toInstant());
    }

    private void run(long id, StoredPlanVersion version, LocalDate from, LocalDate to) {
        try {
            SimulationResult result = simulate(id, version, from, to);
            jdbc.update("update plan_simulation set status = 'DONE', progress = 100, result = ?::jsonb,"
                    + " finished_at = ? where id = ?", json.writeValueAsString(result),
                    Timestamp.from(clock.instant()), id);
        } catch (RuntimeException failure) {
            log.error("Simulation {} failed", id, failure);
            jdbc.update("update plan_simulation set status = 'FAILED', failure = ?, finished_at = ? where id = ?",
                    "simulation.failed", Timestamp.from(clock.instant()), id);
        }
    }

    private SimulationResult simulate(long id, StoredPlanVersion version, LocalDate from, LocalDate to) {
        Tally tally = new Tally(version.getKind().name());
        List<PlanReplay> covering = replays.stream().filter(replay -> replay.kinds().contains(version.getKind()))
                .toList();
        BonusCalculator inForce = rules.calculatorReplacing(null);
        BonusCalculator simulated = rules.calculatorReplacing(version);
        int steps = covering.size() * 2;
        int done = 0;
        for (PlanReplay replay : covering) {
            replay.replay(inForce, from, to, (payee, line) -> tally.add(Tally.Side.BASELINE, payee, line));
            progress(id, ++done, steps);
            replay.replay(simulated, from, to, (payee, line) -> tally.add(Tally.Side.SIMULATED, payee, line));
            progress(id, ++done, steps);
        }
        return result(version, from, to, tally, covering.isEmpty());
    }

    private void progress(long id, int done, int steps) {
        jdbc.update("update plan_simulation set progress = ? where id = ?", done * 99 / steps, id);
    }

    private SimulationResult result(StoredPlanVersion version, LocalDate from, LocalDate to, Tally tally,
            boolean uncovered) {
        Map<Long, PersonCard> cards = people.cards(tally.byPayee().keySet());
        // the largest gain first; equal changes by payee
        List<Map.Entry<Long, Tally.Pair>> byChange = tally.byPayee().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Long, Tally.Pair> payee) -> payee.getValue().difference())
                        .reversed().thenComparing(Map.Entry::getKey))
                .toList();
        List<SimulationResult.Change> everyone = byChange.stream().map(payee -> change(payee, cards)).toList();
        List<SimulationResult.Change> up = byChange.stream().filter(payee -> payee.getValue().difference().signum() > 0)
                .limit(CHANGES_SHOWN).map(payee -> change(payee, cards)).toList();
        List<SimulationResult.Change> down = byChange.stream()
                .filter(payee -> payee.getValue().difference().signum() < 0)
                .sorted(Comparator.comparing((Map.Entry<Long, Tally.Pair> payee) -> payee.getValue().difference())
                        .thenComparing(Map.Entry::getKey))
                .limit(CHANGES_SHOWN).map(payee -> change(payee, cards)).toList();
        int gainers = (int) byChange.stream().filter(payee -> payee.getValue().difference().signum() > 0).count();
        int losers = (int) byChange.stream().filter(payee -> payee.getValue().difference().signum() < 0).count();
        BigDecimal collected = claims.collectedByMonth(null, from, to).stream().map(ClaimFigures.MonthAmount::amount)
                .reduce(Money.ZERO, BigDecimal::add);
        StoredPlanVersion.BudgetPeriod period = version.getBudgetPeriod() == null
                ? StoredPlanVersion.BudgetPeriod.MONTH : version.getBudgetPeriod();
        return new SimulationResult(version.getKind().name(), version.getNumber(), from, to,
                plain(tally.total().simulated()), plain(tally.total().baseline()), plain(tally.total().difference()),
                rows(tally.byRule()), rows(tally.byMonth()), rows(byTeam(tally, cards)),
                Stream.concat(up.stream(), down.stream()).toList(), everyone, gainers, losers,
                plain(collected), share(tally.total().baseline(), collected), share(tally.total().simulated(), collected),
                period.name(), plain(budgetFor(tally.total().simulated(), from, to, period)),
                uncovered ? List.of() : List.of(version.getKind().name()));
    }

    private static SimulationResult.Change change(Map.Entry<Long, Tally.Pair> payee, Map<Long, PersonCard> cards) {
        PersonCard card = cards.get(payee.getKey());
        return new SimulationResult.Change(payee.getKey(), card == null ? String.valueOf(payee.getKey())
                : card.displayName(), plain(payee.getValue().baseline()), plain(payee.getValue().simulated()),
                plain(payee.getValue().difference()));
    }

    /** The payees' amounts added up by their department; payees outside the company have none. */
    private static Map<String, Tally.Pair> byTeam(Tally tally, Map<Long, PersonCard> cards) {
        Map<String, Tally.Pair> teams = new TreeMap<>();
        tally.byPayee().forEach((payee, pair) -> {
            PersonCard card = cards.get(payee);
            String team = card == null || card.department() == null || card.department().isBlank() ? "—"
                    : card.department();
            Tally.Pair sum = teams.computeIfAbsent(team, name -> new Tally.Pair());
            sum.add(Tally.Side.BASELINE, pair.baseline());
            sum.add(Tally.Side.SIMULATED, pair.simulated());
        });
        return teams;
    }

    /** What the simulated cost comes to over one budget period, at the pace of the simulated days. */
    static BigDecimal budgetFor(BigDecimal cost, LocalDate from, LocalDate to, StoredPlanVersion.BudgetPeriod period) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long periodDays = ChronoUnit.DAYS.between(period.firstDay(from), period.lastDay(from)) + 1;
        return cost.multiply(BigDecimal.valueOf(periodDays)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    }

    private static List<SimulationResult.Row> rows(Map<String, Tally.Pair> pairs) {
        return pairs.entrySet().stream().map(pair -> new SimulationResult.Row(pair.getKey(),
                plain(pair.getValue().baseline()), plain(pair.getValue().simulated()))).toList();
    }

    private static String share(BigDecimal cost, BigDecimal collected) {
        return collected.signum() > 0
                ? cost.multiply(BigDecimal.valueOf(100)).divide(collected, 1, RoundingMode.HALF_UP).toPlainString()
                : null;
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
