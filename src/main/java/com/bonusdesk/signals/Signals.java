package com.bonusdesk.signals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.refusal.Refusal;

/**
 * The signals finance reviews: recomputed by the nightly review (or on demand) without duplicates, each dismissed
 * with a reason or turned into a hold on its lines, every change on the audit trail. A dismissed signal stays
 * dismissed until its figures change; one no longer found is marked gone.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class Signals {

    private static final String SEPARATOR = "\u001f";

    private static final TypeReference<List<Finding.Item>> ITEMS = new TypeReference<>() {
    };

    private static final String SELECT = "select id, rule, subject, message_key, arguments, items, line_ids, status,"
            + " reason, decided_by, decided_at, found_at, chart from fraud_signal";

    private final SignalFinders finders;
    private final Ledger ledger;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public enum Status {
        OPEN,
        DISMISSED,
        HELD,
        GONE
    }

    /** A signal as finance reviews it. */
    public record Signal(long id, SignalRule rule, String subject, String messageKey, List<String> arguments,
            List<Finding.Item> items, List<Long> lineIds, Status status, String reason, String decidedBy,
            Instant decidedAt, Instant foundAt, Finding.Chart chart) {

        public boolean open() {
            return status == Status.OPEN;
        }
    }

    /** What a review found: signals new, reopened and gone. */
    public record Review(int found, int opened, int reopened, int gone) {
    }

    @Scheduled(cron = "${bonusdesk.signals.cron:0 0 2 * * *}", zone = "${bonusdesk.zone:Asia/Shanghai}")
    @SchedulerLock(name = "fraud-signals", lockAtLeastFor = "PT1M")
    @Transactional
    void nightly() {
        Review review = recompute("system");
        log.info("Fraud signals reviewed: {}", review);
    }

    /** Runs every rule over the facts as they stand and brings the signals in line with what they find. */
    @Transactional
    public Review recompute(String actor) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended('fraud-signals', 0))", row -> { });
        Map<String, Object[]> existing = new HashMap<>();
        jdbc.query("select rule, subject, id, fingerprint, status from fraud_signal", row -> {
            existing.put(row.getString(1) + "/" + row.getString(2),
                    new Object[] {row.getLong(3), row.getString(4), Status.valueOf(row.getString(5))});
        });
        Timestamp now = Timestamp.from(clock.instant());
        int opened = 0;
        int reopened = 0;
        List<Finding> findings = finders.all();
        for (Finding finding : findings) {
            Object[] known = existing.remove(finding.rule().name() + "/" + finding.subject());
            String arguments = String.join(SEPARATOR, finding.arguments());
            String items = json.writeValueAsString(finding.items());
            String chart = finding.chart() == null ? null : json.writeValueAsString(finding.chart());
            Long[] lines = finding.lineIds().toArray(Long[]::new);
            if (known == null) {
                jdbc.update("""
                        insert into fraud_signal (rule, subject, fingerprint, message_key, arguments, items, line_ids,
                                                  chart, status, found_at, seen_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, 'OPEN', ?, ?)""", finding.rule().name(),
                        finding.subject(), finding.fingerprint(), finding.messageKey(), arguments, items, lines, chart,
                        now, now);
                opened++;
                continue;
            }
            long id = (Long) known[0];
            Status status = (Status) known[2];
            boolean changed = !finding.fingerprint().equals(known[1]);
            Status next = status == Status.GONE || changed && status == Status.DISMISSED ? Status.OPEN : status;
            jdbc.update("""
                    update fraud_signal set fingerprint = ?, message_key = ?, arguments = ?, items = ?::jsonb,
                        line_ids = ?, chart = ?::jsonb, status = ?, seen_at = ? where id = ?""", finding.fingerprint(),
                    finding.messageKey(), arguments, items, lines, chart, next.name(), now, id);
            if (next == Status.HELD) {
                finding.lineIds().forEach(line -> ledger.holdFor(line, holder(id), "signal"));
            }
            if (next != status) {
                reopened++;
                events.publishEvent(new SignalDecided(actor, id, finding.rule().name(), finding.subject(),
                        status.name(), next.name(), changed ? "figures changed" : "found again"));
            }
        }
        int gone = 0;
        for (Object[] left : existing.values()) {
            if (left[2] == Status.OPEN) {
                jdbc.update("update fraud_signal set status = 'GONE', seen_at = ? where id = ?", now, left[0]);
                gone++;
            }
        }
        return new Review(findings.size(), opened, reopened, gone);
    }

    /** The signals with {@code status} (all but the gone ones when none), newest first. */
    @Transactional(readOnly = true)
    public List<Signal> list(Status status) {
        return status == null
                ? jdbc.query(SELECT + " where status <> 'GONE' order by (status = 'OPEN') desc, id desc", this::signal)
                : jdbc.query(SELECT + " where status = ? order by id desc", this::signal, status.name());
    }

    @Transactional(readOnly = true)
    public Optional<Signal> find(long id) {
        return jdbc.query(SELECT + " where id = ?", this::signal, id).stream().findFirst();
    }

    /** Finance judges the signal harmless: it stays dismissed, with the reason, until its figures change. */
    @Transactional
    public Signal dismiss(long id, String reason, String actor) {
        String why = required(reason);
        Signal signal = open(id);
        decide(signal, Status.DISMISSED, why, actor);
        return find(id).orElseThrow();
    }

    /** Finance holds the signal's lines: none of them goes into a payout run until the signal is released. */
    @Transactional
    public Signal hold(long id, String reason, String actor) {
        Signal signal = open(id);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        signal.lineIds().forEach(line -> ledger.holdFor(line, holder(id), why == null ? "signal" : why));
        decide(signal, Status.HELD, why, actor);
        return find(id).orElseThrow();
    }

    /**
     * Finance found the held signal harmless after all: its lines are due again, and it stays dismissed, with the
     * reason, until its figures change.
     */
    @Transactional
    public Signal release(long id, String reason, String actor) {
        String why = required(reason);
        Signal signal = jdbc.query(SELECT + " where id = ? for update", this::signal, id).stream().findFirst()
                .orElseThrow(Refusal.NotFound::new);
        if (signal.status() != Status.HELD) {
            throw new Refusal.WrongState("signal.notHeld");
        }
        ledger.releaseFor(holder(id));
        decide(signal, Status.DISMISSED, why, actor);
        return find(id).orElseThrow();
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Refusal.InvalidInput("reason", "signal.reason.required");
        }
        if (reason.strip().length() > 1000) {
            throw new Refusal.InvalidInput("reason", "signal.reason.size");
        }
        return reason.strip();
    }

    private Signal open(long id) {
        Signal signal = jdbc.query(SELECT + " where id = ? for update", this::signal, id).stream().findFirst()
                .orElseThrow(Refusal.NotFound::new);
        if (!signal.open()) {
            throw new Refusal.WrongState("signal.notOpen");
        }
        return signal;
    }

    private void decide(Signal signal, Status to, String reason, String actor) {
        jdbc.update("update fraud_signal set status = ?, reason = ?, decided_by = ?, decided_at = ? where id = ?",
                to.name(), reason, actor, Timestamp.from(clock.instant()), signal.id());
        events.publishEvent(new SignalDecided(actor, signal.id(), signal.rule().name(), signal.subject(),
                signal.status().name(), to.name(), reason));
    }

    /** What a signal's holds are taken for, so that they can be told apart from a dispute's or an approval's. */
    static String holder(long signalId) {
        return "SIGNAL:" + signalId;
    }

    private Signal signal(ResultSet row, int number) throws SQLException {
        Timestamp decided = row.getTimestamp(11);
        return new Signal(row.getLong(1), SignalRule.valueOf(row.getString(2)), row.getString(3), row.getString(4),
                row.getString(5).isEmpty() ? List.of() : List.of(row.getString(5).split(SEPARATOR, -1)),
                json.readValue(row.getString(6), ITEMS), Arrays.asList((Long[]) row.getArray(7).getArray()),
                Status.valueOf(row.getString(8)), row.getString(9), row.getString(10),
                decided == null ? null : decided.toInstant(), row.getTimestamp(12).toInstant(),
                row.getString(13) == null ? null : json.readValue(row.getString(13), Finding.Chart.class));
    }
}
