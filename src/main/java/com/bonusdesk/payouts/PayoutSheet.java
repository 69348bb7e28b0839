package com.bonusdesk.payouts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonCard;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.web.SheetText;

/**
 * The payout sheet payroll pays from, written as the rows are read so that a run of any size needs little
 * memory: the payees with their amount per rule and a totals row, and every line with its explanation.
 * XLSX has both as sheets; CSV (UTF-8 with a byte-order mark, so that Excel reads Chinese) has one each.
 */
@Component
@RequiredArgsConstructor
class PayoutSheet {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int FETCH_SIZE = 2_000;
    private static final String CSV = "text/csv;charset=UTF-8";

    private final PayoutReports reports;
    private final Ledger ledger;
    private final PersonService people;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final ExplanationText explanations;
    private final ApplicationEventPublisher events;

    /**
     * A table being written one row at a time: text as neutralised text, amounts and dates as such. Visible in the
     * package so that the benchmark can write the same rows from memory, its floor.
     */
    interface Table {

        void row(List<?> cells);
    }

    /** The three downloads of a run, by the file name they are asked for. */
    enum Format {
        XLSX("sheet.xlsx", "", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        PAYEES_CSV("sheet.csv", "", ".csv", CSV),
        LINES_CSV("lines.csv", "-lines", ".csv", CSV);

        private final String file;
        private final String suffix;
        private final String extension;
        private final String contentType;

        Format(String file, String suffix, String extension, String contentType) {
            this.file = file;
            this.suffix = suffix;
            this.extension = extension;
            this.contentType = contentType;
        }

        static Format of(String file) {
            return Arrays.stream(values()).filter(format -> format.file.equals(file)).findFirst().orElseThrow();
        }
    }

    /** Sends the run's sheet in {@code format} as a download named after the run's week, and audits it. */
    @Transactional
    public void export(PayoutRun run, Format format, Locale locale, HttpServletResponse response, String actor)
            throws IOException {
        attach(response, "payout-" + run.label() + format.suffix + format.extension, format.contentType);
        switch (format) {
            case XLSX -> xlsx(run, locale, response.getOutputStream());
            case PAYEES_CSV -> csv(response.getOutputStream(), table -> payees(run, locale, table));
            case LINES_CSV -> csv(response.getOutputStream(), table -> lines(run, locale, table));
        }
        events.publishEvent(new PayoutSheetExported(actor, run.getId(), run.label(), format.file));
    }

    private void xlsx(PayoutRun run, Locale locale, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Bonus Desk", "1.0");
        Worksheet payees = workbook.newWorksheet(messages.getMessage("payout.sheet.payees", null, locale));
        payees(run, locale, xlsx(payees));
        payees.finish();
        Worksheet lines = workbook.newWorksheet(messages.getMessage("payout.sheet.lines", null, locale));
        lines(run, locale, xlsx(lines));
        lines.finish();
        workbook.finish();
    }

    /** One payee's statement for a run: what it paid them, line by line, and the total. */
    @Transactional(readOnly = true)
    public void statementCsv(PayoutReports.PaidStatement statement, Locale locale, HttpServletResponse response)
            throws IOException {
        attach(response, "statement-" + statement.run().label() + ".csv", CSV);
        csv(response.getOutputStream(), table -> {
            table.row(List.of(text("payout.sheet.earnedOn", locale), text("payout.sheet.rule", locale),
                    text("payout.sheet.planVersion", locale), text("payout.sheet.amount", locale),
                    text("payout.sheet.explanation", locale)));
            for (Ledger.Line line : statement.lines()) {
                table.row(List.of(line.earnedOn(), text("rule." + line.rule(), locale), line.planVersion(),
                        line.amount(), explanations.of(line.explanation(), locale)));
            }
            table.row(List.of("", "", text("payout.sheet.total", locale), statement.total(), ""));
        });
    }

    void payees(PayoutRun run, Locale locale, Table table) {
        List<Object> header = new ArrayList<>(List.of(text("payout.sheet.payeeId", locale),
                text("payout.sheet.name", locale), text("payout.sheet.department", locale),
                text("payout.sheet.bank", locale), text("payout.sheet.account", locale)));
        for (RuleCode rule : RuleCode.values()) {
            header.add(text("rule." + rule.name(), locale));
        }
        header.add(text("payout.sheet.total", locale));
        table.row(header);
        Map<RuleCode, BigDecimal> totals = new EnumMap<>(RuleCode.class);
        BigDecimal total = Money.ZERO;
        for (PayoutReports.PayeeTotal payee : reports.allPayees(run.getId())) {
            if (payee.carriedForward()) {
                continue;
            }
            PersonCard person = payee.person();
            List<Object> row = new ArrayList<>(List.of(payeeId(person), person.displayName(),
                    nullToEmpty(person.department()), nullToEmpty(person.bankName()), nullToEmpty(person.bankAccount())));
            for (RuleCode rule : RuleCode.values()) {
                BigDecimal amount = payee.byRule().getOrDefault(rule, Money.ZERO);
                row.add(amount);
                totals.merge(rule, amount, BigDecimal::add);
            }
            row.add(payee.total());
            total = total.add(payee.total());
            table.row(row);
        }
        List<Object> footer = new ArrayList<>(List.of("", text("payout.sheet.total", locale), "", "", ""));
        for (RuleCode rule : RuleCode.values()) {
            footer.add(totals.getOrDefault(rule, Money.ZERO));
        }
        footer.add(total);
        table.row(footer);
    }

    void lines(PayoutRun run, Locale locale, Table table) {
        table.row(List.of(text("payout.sheet.line", locale), text("payout.sheet.payeeId", locale),
                text("payout.sheet.name", locale), text("payout.sheet.rule", locale),
                text("payout.sheet.planVersion", locale), text("payout.sheet.earnedOn", locale),
                text("payout.sheet.amount", locale), text("payout.sheet.explanation", locale)));
        Map<String, String> rules = new HashMap<>();
        for (RuleCode rule : RuleCode.values()) {
            rules.put(rule.name(), text("rule." + rule.name(), locale));
        }
        Map<Long, PersonCard> payees = people.cards(jdbc.queryForList(
                "select distinct payee_id from payout_item where run_id = ? and state = 'IN_RUN'", Long.class,
                run.getId()));
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select l.id, l.payee_id, l.rule, l.plan_version, l.earned_on, l.amount, l.explanation
                    from payout_item i join earned_line l on l.id = i.line_id
                    where i.run_id = ? and i.state = 'IN_RUN' order by i.payee_id, l.earned_on, l.id""");
            statement.setLong(1, run.getId());
            statement.setFetchSize(FETCH_SIZE);
            return statement;
        }, row -> {
            PersonCard payee = payees.get(row.getLong(2));
            table.row(List.of(row.getLong(1), payeeId(payee), payee.displayName(),
                    rules.get(row.getString(3)), row.getString(4), row.getObject(5, LocalDate.class),
                    row.getBigDecimal(6), explanations.of(ledger.explanations(row.getString(7)), locale)));
        });
    }

    private static void attach(HttpServletResponse response, String fileName, String contentType) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
    }

    /** How payroll knows the payee: the employee number, or the username of someone without one. */
    private static String payeeId(PersonCard person) {
        return person.employeeNumber() != null ? person.employeeNumber() : person.username();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static Table xlsx(Worksheet sheet) {
        return new Table() {
            private int row;

            @Override
            public void row(List<?> cells) {
                for (int column = 0; column < cells.size(); column++) {
                    Object cell = cells.get(column);
                    if (cell instanceof BigDecimal amount) {
                        sheet.value(row, column, amount);
                        sheet.style(row, column).format("#,##0.00").set();
                    } else if (cell instanceof LocalDate date) {
                        sheet.value(row, column, date);
                        sheet.style(row, column).format("yyyy-mm-dd").set();
                    } else if (cell instanceof Number number) {
                        sheet.value(row, column, number);
                    } else {
                        // inline, not in the workbook's shared strings: every line's explanation is a text of its
                        // own, and sharing a million of them held them all in memory until the end (497 MB)
                        sheet.inlineString(row, column, SheetText.neutralised(String.valueOf(cell)));
                    }
                }
                row++;
                if (row % FETCH_SIZE == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
    }

    interface TableContent {

        void write(Table table);
    }

    static void csv(OutputStream out, TableContent content) throws IOException {
        out.write(BYTE_ORDER_MARK);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            content.write(cells -> {
                try {
                    for (int column = 0; column < cells.size(); column++) {
                        if (column > 0) {
                            writer.write(',');
                        }
                        writer.write(csvCell(cells.get(column)));
                    }
                    writer.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    private static String csvCell(Object cell) {
        String text = cell instanceof BigDecimal amount ? amount.toPlainString()
                : cell instanceof Number || cell instanceof LocalDate ? cell.toString()
                : SheetText.neutralised(String.valueOf(cell));
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
