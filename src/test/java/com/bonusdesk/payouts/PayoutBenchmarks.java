package com.bonusdesk.payouts;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.ApplicationContext;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.bench.BenchReport;
import com.bonusdesk.bench.Figure;
import com.bonusdesk.bench.HeapAfterCollections;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.support.PayoutFixture;

/**
 * The weekly payout build at a given size, against its floor: the same rows (one item per line under the same unique
 * index, one total per payee and rule) written by plain set-based SQL in the same database, just after the build;
 * then the run's sheet, against the same rows written by the same code from memory.
 */
public final class PayoutBenchmarks {

    /** Paid on a Friday of the tests' week; every seeded line is due by then. */
    private static final LocalDate FRIDAY = LocalDate.of(2026, 6, 12);

    /** How many distinct rows of each sheet the floor keeps in memory; it writes them over until the count is met. */
    private static final int ROWS_IN_MEMORY = 10_000;
    private static final double MEGABYTE = 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final PayoutRuns runs;
    private final PayoutSheet sheet;
    private final TransactionTemplate transactions;

    public PayoutBenchmarks(ApplicationContext application) {
        this.jdbc = application.getBean(JdbcTemplate.class);
        this.ledger = application.getBean(Ledger.class);
        this.runs = application.getBean(PayoutRuns.class);
        this.sheet = application.getBean(PayoutSheet.class);
        this.transactions = application.getBean(TransactionTemplate.class);
    }

    /**
     * Seeds {@code lines} due lines for {@code payees} payees (each payee's every twentieth line negative, and for
     * one payee in fifty large enough that they net negative), builds the week's run, then the floor, and adds both figures.
     *
     * @return the run built
     */
    public PayoutRun build(int lines, int payees, BenchReport report) {
        seed(lines, payees);
        long started = System.nanoTime();
        PayoutRun run = runs.start(FRIDAY, "bench");
        double buildSeconds = seconds(started);
        run = runs.find(run.getId()).orElseThrow();
        if (run.getStatus() != PayoutRunStatus.DRAFT || run.getLineCount() + carriedLines(run.getId()) != lines) {
            throw new IllegalStateException("The benchmark's build did not take every line: " + run.getStatus());
        }
        double floorSeconds = floor();
        report.add(Figure.againstFloor("payout run build, " + lines + " lines, " + payees + " payees", "s",
                buildSeconds, floorSeconds, 2.0));
        return run;
    }

    /**
     * Exports the run's sheet as XLSX (payees and lines), as the payees' CSV and as the lines' CSV, each against the
     * same rows written by the same code from memory; and the heap the XLSX export took at its peak. The XLSX sheet is
     * the one held to a target; the CSVs are shown beside their floors.
     */
    public void export(PayoutRun built, BenchReport report) throws IOException {
        jdbc.update("update payout_run set status = 'APPROVED', decided_by = 'bench-approver', decided_at = now() "
                + "where id = ?", built.getId());
        PayoutRun run = runs.find(built.getId()).orElseThrow();
        Rows payees = new Rows();
        Rows lines = new Rows();
        transactions.executeWithoutResult(status -> {
            sheet.payees(run, Locale.CHINA, payees);
            sheet.lines(run, Locale.CHINA, lines);
        });

        // the writer's code compiled before either is timed, so that neither pays for the JIT alone
        fromMemory(payees, lines);
        long heapBefore = heapAfterCollection();
        long started;
        double xlsx;
        double heap;
        double held;
        try (HeapAfterCollections afterCollections = new HeapAfterCollections()) {
            started = System.nanoTime();
            sheet.export(run, PayoutSheet.Format.XLSX, Locale.CHINA, new DiscardedDownload(), "bench");
            xlsx = seconds(started);
            heap = (peakHeap() - heapBefore) / MEGABYTE;
            // without a collection during the export, nothing tells what it kept from its garbage: count it all
            held = afterCollections.collections() == 0 ? heap
                    : Math.max(0, afterCollections.most() - heapBefore) / MEGABYTE;
        }
        double xlsxFloor = fromMemory(payees, lines);
        report.add(Figure.againstFloor("payout sheet XLSX, " + run.getLineCount() + " lines", "s", xlsx, xlsxFloor,
                2.0));
        report.add(Figure.atMost("payout sheet XLSX, heap held at its peak (-Xmx512m)", "MB", held, null, 256));
        report.add(Figure.shown("payout sheet XLSX, heap at its peak with garbage not yet collected", "MB", heap));
        csv(run, PayoutSheet.Format.PAYEES_CSV, payees, "payout sheet CSV, " + run.getPayeeCount() + " payees",
                report);
        csv(run, PayoutSheet.Format.LINES_CSV, lines, "payout lines CSV, " + run.getLineCount() + " lines", report);
    }

    /** The floor of the XLSX export: the same rows written by the same code from memory; its seconds. */
    private static double fromMemory(Rows payees, Rows lines) throws IOException {
        long started = System.nanoTime();
        Workbook workbook = new Workbook(OutputStream.nullOutputStream(), "Bonus Desk", "1.0");
        Worksheet payeeSheet = workbook.newWorksheet("payees");
        payees.replay(PayoutSheet.xlsx(payeeSheet));
        payeeSheet.finish();
        Worksheet lineSheet = workbook.newWorksheet("lines");
        lines.replay(PayoutSheet.xlsx(lineSheet));
        lineSheet.finish();
        workbook.finish();
        return seconds(started);
    }

    /** One CSV export of the run, shown beside the same rows written from memory. */
    private void csv(PayoutRun run, PayoutSheet.Format format, Rows rows, String figure, BenchReport report)
            throws IOException {
        long started = System.nanoTime();
        sheet.export(run, format, Locale.CHINA, new DiscardedDownload(), "bench");
        double exported = seconds(started);
        started = System.nanoTime();
        PayoutSheet.csv(OutputStream.nullOutputStream(), rows::replay);
        report.add(Figure.shown(figure, "s", exported, seconds(started)));
    }

    /** The first rows of a sheet kept in memory, and how many it had: the floor writes as many from these. */
    private static final class Rows implements PayoutSheet.Table {

        private final List<List<?>> kept = new ArrayList<>();
        private long count;

        @Override
        public void row(List<?> cells) {
            if (kept.size() < ROWS_IN_MEMORY) {
                kept.add(List.copyOf(cells));
            }
            count++;
        }

        void replay(PayoutSheet.Table table) {
            for (long row = 0; row < count; row++) {
                table.row(kept.get((int) (row % kept.size())));
            }
        }
    }

    /** A download whose bytes go nowhere, so that only writing them is measured. */
    private static final class DiscardedDownload extends MockHttpServletResponse {

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
        }
    }

    private static long heapAfterCollection() {
        System.gc();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        return pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private long carriedLines(long runId) {
        return jdbc.queryForObject("select count(*) from payout_item where run_id = ? and state = 'CARRIED_FORWARD'",
                Long.class, runId);
    }

    /** Each line's explanation names an amount of its own, as real lines do, so that nothing can be formatted once for all. */
    void seed(int lines, int payees) {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        fixture.forgetAllLinesAndRuns();
        long template = fixture.line(fixture.payee("基准模板"), RuleCode.R1, "10.00", FRIDAY.minusDays(3));
        String explanation = jdbc.queryForObject("select explanation::text from earned_line where id = ?", String.class,
                template);
        jdbc.update("delete from earned_line where id = ?", template);
        String tag = Long.toString(System.nanoTime(), 36);
        jdbc.update("""
                insert into person (username, password_hash, display_name, employee_number, department, created_at, updated_at)
                select 'bench-' || ? || '-' || g, '{noop}unused', '基准 ' || g, 'BN' || ? || '-' || g, 'Bench', now(), now()
                from generate_series(1, ?) g""", tag, tag, payees);
        jdbc.update("""
                with payee as (select id, row_number() over (order by id) - 1 as n from person where username like ?)
                insert into earned_line (payee_id, source_type, source_id, rule, amount, plan_version, earned_on, due_on,
                                         explanation, created_at)
                select p.id, 'TEST', g, case when g / ? % 20 = 0 then 'R2' else 'R1' end,
                       case when g / ? % 20 <> 0 then (10 + g % 90)::numeric(14, 2)
                            when p.n % 50 = 0 then -3000.00 else -15.00 end,
                       'BENCH v1', ?, ?, replace(?, '"10.00"', '"' || to_char(g, 'FM999,999,990') || '.00"')::jsonb,
                       now()
                from generate_series(1, ?) g join payee p on p.n = g % ?""",
                "bench-" + tag + "-%", payees, payees, FRIDAY.minusDays(3), FRIDAY.minusDays(3), explanation, lines,
                payees);
        jdbc.execute("analyze earned_line");
    }

    /** The build's rows written the simplest way, into tables shaped like the build's, on one connection. */
    private double floor() {
        return jdbc.execute((ConnectionCallback<Double>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists bench_floor_item, bench_floor_total");
                statement.execute("create table bench_floor_item (like payout_item including all)");
                statement.execute("create table bench_floor_total (like payout_total including all)");
            }
            long started = System.nanoTime();
            update(connection, """
                    insert into bench_floor_item (run_id, line_id, payee_id, state)
                    select 0, l.id, l.payee_id, 'IN_RUN' from earned_line l where l.due_on <= ?
                      and not exists (select 1 from line_hold h where h.line_id = l.id)""");
            update(connection, """
                    insert into bench_floor_total (run_id, payee_id, rule, amount, line_count, carried_forward)
                    select 0, payee_id, rule, sum(amount), count(*), false from earned_line where due_on <= ?
                    group by payee_id, rule""");
            double seconds = seconds(started);
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table bench_floor_item, bench_floor_total");
            }
            return seconds;
        });
    }

    private static void update(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, PayoutRuns.weekEnding(FRIDAY));
            statement.executeUpdate();
        }
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
