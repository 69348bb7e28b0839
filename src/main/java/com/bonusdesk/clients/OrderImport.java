package com.bonusdesk.clients;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.web.CsvFile;
import com.bonusdesk.web.Dates;

/**
 * Imports clients and orders from the ERP's CSV export. A preview says what each row would do; an import
 * writes all rows or none. Orders are keyed by order number, so importing the same file twice changes
 * nothing.
 */
@Service
@RequiredArgsConstructor
public class OrderImport {

    static final List<String> COLUMNS = List.of("client_code", "client_name", "order_number", "order_date",
            "amount", "units");
    static final int MAX_ROWS = 20_000;

    private final ClientRepository clients;
    private final ClientOrderRepository orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Thrown when an import is asked for a file whose preview has problems. */
    public static class NotImportableException extends RuntimeException {

        private final transient ImportPreview preview;

        NotImportableException(ImportPreview preview) {
            super("The file has " + preview.problems().size() + " problems");
            this.preview = preview;
        }

        public ImportPreview preview() {
            return preview;
        }
    }

    @Transactional(readOnly = true)
    public ImportPreview preview(String csv) {
        return read(csv).preview();
    }

    @Transactional
    public ImportPreview importAll(String csv, String actor) {
        Reading reading = read(csv);
        ImportPreview preview = reading.preview();
        if (!preview.importable()) {
            throw new NotImportableException(preview);
        }
        Map<String, Client> byCode = new HashMap<>();
        List<ImportRow> inDateOrder = reading.rows().stream()
                .sorted(Comparator.comparing(ImportRow::orderDate)).toList();
        for (ImportRow row : inDateOrder) {
            Client client = byCode.computeIfAbsent(row.code().value(), code -> clients.findByCode(code)
                    .orElseGet(() -> clients.save(new Client(row.code(), row.name(), row.orderDate(), clock.instant()))));
            if (orders.findByOrderNumber(row.orderNumber()).isPresent()) {
                continue;
            }
            LocalDate latest = client.getId() == null ? null : orders.latestOrderDate(client.getId()).orElse(null);
            client.seenAs(row.name(), row.orderDate(), latest);
            orders.save(new ClientOrder(row.orderNumber(), client, row.orderDate(), row.amount(), row.units(),
                    clock.instant()));
            orders.flush();
        }
        events.publishEvent(new ClientsImported(actor, preview.lines().size(),
                preview.count(ImportPreview.Outcome.NEW_CLIENT),
                preview.lines().size() - preview.count(ImportPreview.Outcome.ALREADY_IMPORTED),
                preview.count(ImportPreview.Outcome.NEW_NAME)));
        return preview;
    }

    private record Reading(ImportPreview preview, List<ImportRow> rows) {
    }

    private Reading read(String csv) {
        CsvFile.Table table = CsvFile.table(csv, COLUMNS, MAX_ROWS);
        if (table.problem() != null) {
            CsvFile.FileProblem file = table.problem();
            return new Reading(new ImportPreview(List.of(),
                    List.of(new ImportPreview.Problem(file.line(), "import." + file.key(), file.args()))), List.of());
        }
        List<ImportPreview.Problem> problems = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        for (CsvFile.Record record : table.rows()) {
            parseRow(record, problems).ifPresent(rows::add);
        }
        List<ImportPreview.Line> lines = new ArrayList<>();
        Map<String, ImportRow> firstByOrder = new HashMap<>();
        Set<String> clientsSeen = new HashSet<>();
        Map<String, Set<String>> namesSeen = new HashMap<>();
        for (ImportRow row : rows) {
            ImportRow first = firstByOrder.putIfAbsent(row.orderNumber(), row);
            if (first != null && !sameOrder(first, row)) {
                problems.add(problem(row.line(), "import.duplicate", row.orderNumber(), first.line()));
                continue;
            }
            Optional<ClientOrder> existing = orders.findByOrderNumber(row.orderNumber());
            if (existing.isPresent() && !existing.get().sameAs(row)) {
                problems.add(problem(row.line(), "import.conflict", row.orderNumber()));
                continue;
            }
            Optional<Client> known = clients.findByCode(row.code().value());
            boolean newClient = known.isEmpty() && clientsSeen.add(row.code().value());
            Set<String> names = namesSeen.computeIfAbsent(row.code().value(), code -> new HashSet<>());
            boolean newName = !newClient && known.map(client -> !client.wasKnownAs(row.name())).orElse(true)
                    && !names.contains(row.name());
            names.add(row.name());
            ImportPreview.Outcome outcome = existing.isPresent() ? ImportPreview.Outcome.ALREADY_IMPORTED
                    : newClient ? ImportPreview.Outcome.NEW_CLIENT
                    : newName ? ImportPreview.Outcome.NEW_NAME
                    : ImportPreview.Outcome.NEW_ORDER;
            lines.add(new ImportPreview.Line(row.line(), row.code().value(), row.name(), row.orderNumber(),
                    row.orderDate().toString(), Money.show(row.amount()), row.units(), outcome));
        }
        problems.sort(Comparator.comparingInt(ImportPreview.Problem::line));
        return new Reading(new ImportPreview(lines, problems), rows);
    }

    private static Optional<ImportRow> parseRow(CsvFile.Record record, List<ImportPreview.Problem> problems) {
        int line = record.line();
        if (record.fields().size() != COLUMNS.size()) {
            problems.add(problem(line, "import.columns", record.fields().size(), COLUMNS.size()));
            return Optional.empty();
        }
        int before = problems.size();
        Optional<ClientCode> code = ClientCode.parse(record.field(0));
        if (code.isEmpty()) {
            problems.add(problem(line, "import.code", record.field(0)));
        }
        String name = record.field(1);
        if (name.isEmpty() || name.length() > 200) {
            problems.add(problem(line, "import.name"));
        }
        String orderNumber = record.field(2);
        if (orderNumber.isEmpty() || orderNumber.length() > 50) {
            problems.add(problem(line, "import.orderNumber"));
        }
        LocalDate date = null;
        try {
            date = Dates.date(record.field(3));
        } catch (IllegalArgumentException e) {
            problems.add(problem(line, "import.date", record.field(3)));
        }
        BigDecimal amount = amount(record.field(4));
        if (amount == null) {
            problems.add(problem(line, "import.amount", record.field(4)));
        }
        Integer units = units(record.field(5));
        if (units == null) {
            problems.add(problem(line, "import.units", record.field(5)));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ImportRow(line, code.get(), name, orderNumber, date, amount, units));
    }

    private static BigDecimal amount(String text) {
        return Money.parse(text).filter(amount -> amount.signum() >= 0).orElse(null);
    }

    private static Integer units(String text) {
        try {
            int units = Integer.parseInt(text);
            return units >= 0 ? units : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean sameOrder(ImportRow first, ImportRow other) {
        return first.code().equals(other.code()) && first.orderDate().equals(other.orderDate())
                && first.amount().compareTo(other.amount()) == 0 && first.units() == other.units();
    }

    private static ImportPreview.Problem problem(int line, String key, Object... args) {
        return new ImportPreview.Problem(line, key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
