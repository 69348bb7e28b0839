package com.bonusdesk.simulations;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.bonusdesk.web.SheetText;

/**
 * A finished simulation as an XLSX workbook: the summary, the cost by month, rule and team, and every payee's
 * amount before and after, amounts as numbers with two decimals, words in the reader's language.
 */
@Component
@RequiredArgsConstructor
class SimulationSheet {

    private final MessageSource messages;

    void write(Simulations.Simulation simulation, Locale locale, OutputStream out) throws IOException {
        SimulationResult result = simulation.result();
        Workbook workbook = new Workbook(out, "Bonus Desk", "1.0");
        Worksheet summary = workbook.newWorksheet(text("simulation.sheet.summary", locale));
        int row = 0;
        row = pair(summary, row, text("simulation.sheet.plan", locale),
                text("plan.kind." + result.plan(), locale) + " v" + result.version());
        row = pair(summary, row, text("simulation.list.period", locale), result.from() + " – " + result.to());
        row = pair(summary, row, text("simulation.baseline", locale), new BigDecimal(result.baseline()));
        row = pair(summary, row, text("simulation.list.total", locale), new BigDecimal(result.total()));
        row = pair(summary, row, text("simulation.difference", locale), new BigDecimal(result.difference()));
        row = pair(summary, row, text("simulation.sheet.gainers", locale), BigDecimal.valueOf(result.gainers()));
        row = pair(summary, row, text("simulation.sheet.losers", locale), BigDecimal.valueOf(result.losers()));
        row = pair(summary, row, text("dashboard.director.collected", locale), new BigDecimal(result.collected()));
        pair(summary, row, text("simulation.sheet.budget", locale) + " (" + text("plan.period." + result.budgetPeriod(),
                locale) + ")", new BigDecimal(result.budgetNeeded()));
        summary.finish();
        rows(workbook, text("simulation.byMonth", locale), text("dashboard.month", locale), result.byMonth(), locale);
        rows(workbook, text("simulation.byRule", locale), text("dashboard.finance.rule", locale), result.byRule(),
                locale);
        rows(workbook, text("simulation.byTeam", locale), text("simulation.team", locale), result.byTeam(), locale);
        Worksheet people = workbook.newWorksheet(text("simulation.sheet.people", locale));
        header(people, List.of(text("dashboard.team.person", locale), text("simulation.before", locale),
                text("simulation.after", locale), text("simulation.difference", locale)));
        int line = 1;
        for (SimulationResult.Change change : result.people()) {
            people.inlineString(line, 0, SheetText.neutralised(change.person()));
            amount(people, line, 1, change.before());
            amount(people, line, 2, change.after());
            amount(people, line, 3, change.difference());
            line++;
        }
        people.finish();
        workbook.finish();
    }

    private void rows(Workbook workbook, String name, String keyHeader, List<SimulationResult.Row> rows,
            Locale locale) {
        Worksheet sheet = workbook.newWorksheet(name);
        header(sheet, List.of(keyHeader, text("simulation.baseline", locale), text("simulation.list.total", locale)));
        int line = 1;
        for (SimulationResult.Row row : rows) {
            sheet.inlineString(line, 0, SheetText.neutralised(row.key()));
            amount(sheet, line, 1, row.baseline());
            amount(sheet, line, 2, row.total());
            line++;
        }
        try {
            sheet.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Worksheet sheet, List<String> names) {
        for (int column = 0; column < names.size(); column++) {
            sheet.inlineString(0, column, names.get(column));
            sheet.style(0, column).bold().set();
        }
    }

    private static int pair(Worksheet sheet, int row, String name, Object value) {
        sheet.inlineString(row, 0, name);
        if (value instanceof BigDecimal amount) {
            sheet.value(row, 1, amount);
            sheet.style(row, 1).format("#,##0.00").set();
        } else {
            sheet.inlineString(row, 1, SheetText.neutralised(String.valueOf(value)));
        }
        return row + 1;
    }

    private static void amount(Worksheet sheet, int row, int column, String decimal) {
        sheet.value(row, column, new BigDecimal(decimal));
        sheet.style(row, column).format("#,##0.00").set();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
