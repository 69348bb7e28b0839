package com.bonusdesk.clients;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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
import com.bonusdesk.web.CsvImport;
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
    /** The client's contact on the order, which a file may add after the columns: both or neither. */
    static final List<String> CONTACT_COLUMNS = List.of("contact_name", "contact_mobile");
    static final int MAX_ROWS = 20_000;

    private final ClientRepository clients;
    private final ClientOrderRepository orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** What would happen to a valid row. */
    public enum Outcome {
        NEW_CLIENT,
        NEW_ORDER,
        NEW_NAME,
        ALREADY_IMPORTED
    }

    /** A valid row as the preview shows it, with what importing it would do. */
    public record Line(int line, String clientCode, String clientName, String contact, String orderNumber,
            String orderDate, String amount, int units, Outcome outcome) {
    }

    @Transactional(readOnly = true)
    public CsvImport.Preview<Line> preview(String csv) {
        return rows().read(csv).preview();
    }

    /** Imports every row of a file without problems, in one transaction and in the order of their dates. */
    @Transactional
    public CsvImport.Preview<Line> importAll(String csv, String actor) {
        CsvImport.Preview<Line> preview = rows().importAll(csv, this::write);
        if (preview.importable()) {
            events.publishEvent(new ClientsImported(actor, preview.lines().size(), count(preview, Outcome.NEW_CLIENT),
                    preview.lines().size() - count(preview, Outcome.ALREADY_IMPORTED), count(preview, Outcome.NEW_NAME)));
        }
        return preview;
    }

    public static long count(CsvImport.Preview<Line> preview, Outcome outcome) {
        return preview.count(line -> line.outcome() == outcome);
    }

    private void write(List<ImportRow> rows) {
        Map<String, Client> byCode = new HashMap<>();
        for (ImportRow row : rows.stream().sorted(Comparator.comparing(ImportRow::orderDate)).toList()) {
            Client client = byCode.computeIfAbsent(row.code().value(), code -> clients.findByCode(code)
                    .orElseGet(() -> clients.save(new Client(row.code(), row.name(), row.orderDate(), clock.instant()))));
            if (orders.findByOrderNumber(row.orderNumber()).isPresent()) {
                continue;
            }
            LocalDate latest = client.getId() == null ? null : orders.latestOrderDate(client.getId()).orElse(null);
            client.seenAs(row.name(), row.contactName(), row.contactMobile(), row.orderDate(), latest);
            orders.save(new ClientOrder(row.orderNumber(), client, row.orderDate(), row.amount(), row.units(),
                    clock.instant()));
            orders.flush();
        }
    }

    private CsvImport<ImportRow, Line> rows() {
        return new CsvImport<>(new Rows(), MAX_ROWS);
    }

    /** The rows of one file: which clients and names it brings that are new, as the file is read. */
    private final class Rows extends CsvImport.Definition<ImportRow, Line> {

        private final Set<String> clientsSeen = new HashSet<>();
        private final Map<String, Set<String>> namesSeen = new HashMap<>();

        Rows() {
            super(COLUMNS, CONTACT_COLUMNS, "import.");
        }

        @Override
        protected Optional<ImportRow> read(CsvFile.Record record, CsvImport.Problems problems) {
            int line = record.line();
            int before = problems.count();
            Optional<ClientCode> code = ClientCode.parse(record.field(0));
            if (code.isEmpty()) {
                problems.add(line, "code", record.field(0));
            }
            String name = record.field(1);
            if (name.isEmpty() || name.length() > 200) {
                problems.add(line, "name");
            }
            String orderNumber = record.field(2);
            if (orderNumber.isEmpty() || orderNumber.length() > 50) {
                problems.add(line, "orderNumber");
            }
            LocalDate date = null;
            try {
                date = Dates.date(record.field(3));
            } catch (IllegalArgumentException e) {
                problems.add(line, "date", record.field(3));
            }
            BigDecimal amount = Money.parse(record.field(4)).orElse(null);
            if (amount == null) {
                problems.add(line, "amount", record.field(4));
            }
            Integer units = units(record.field(5));
            if (units == null) {
                problems.add(line, "units", record.field(5));
            }
            String contactName = record.field(6);
            if (contactName.length() > 100) {
                problems.add(line, "contactName");
            }
            // read as a private client's code is: spaces and hyphens between the digits are allowed
            Optional<ClientCode> contactMobile = ClientCode.parse(record.field(7))
                    .filter(mobile -> mobile.kind() == ClientCode.Kind.PERSON);
            if (!record.field(7).isEmpty() && contactMobile.isEmpty()) {
                problems.add(line, "contactMobile", record.field(7));
            }
            return problems.count() > before ? Optional.empty()
                    : Optional.of(new ImportRow(line, code.get(), name, orderNumber, date, amount, units,
                            contactName.isEmpty() ? null : contactName,
                            contactMobile.map(ClientCode::value).orElse(null)));
        }

        @Override
        protected List<Object> key(ImportRow row) {
            return List.of(row.orderNumber());
        }

        @Override
        protected boolean sameData(ImportRow first, ImportRow again) {
            return first.code().equals(again.code()) && first.orderDate().equals(again.orderDate())
                    && first.amount().compareTo(again.amount()) == 0 && first.units() == again.units();
        }

        @Override
        protected Optional<Line> preview(ImportRow row, boolean repeated, CsvImport.Problems problems) {
            Optional<ClientOrder> existing = orders.findByOrderNumber(row.orderNumber());
            if (existing.isPresent() && !existing.get().sameAs(row)) {
                problems.add(row.line(), "conflict", row.orderNumber());
                return Optional.empty();
            }
            Optional<Client> known = clients.findByCode(row.code().value());
            boolean newClient = known.isEmpty() && clientsSeen.add(row.code().value());
            Set<String> names = namesSeen.computeIfAbsent(row.code().value(), code -> new HashSet<>());
            boolean newName = !newClient && known.map(client -> !client.wasKnownAs(row.name())).orElse(true)
                    && !names.contains(row.name());
            names.add(row.name());
            Outcome outcome = existing.isPresent() ? Outcome.ALREADY_IMPORTED
                    : newClient ? Outcome.NEW_CLIENT
                    : newName ? Outcome.NEW_NAME
                    : Outcome.NEW_ORDER;
            return Optional.of(new Line(row.line(), row.code().value(), row.name(), row.contact(), row.orderNumber(),
                    row.orderDate().toString(), Money.show(row.amount()), row.units(), outcome));
        }
    }

    private static Integer units(String text) {
        try {
            int units = Integer.parseInt(text);
            return units >= 0 ? units : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
