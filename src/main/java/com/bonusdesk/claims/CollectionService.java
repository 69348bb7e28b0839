package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.SearchText;

/**
 * Finance records money received on orders. A reference is recorded once however often it is sent; the
 * claim on the order, once approved, earns its lines at once.
 */
@Service
@RequiredArgsConstructor
public class CollectionService {

    private final CollectionRecordRepository collections;
    private final ClaimService claims;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** What recording did: the record (new or the one already there) and the lines it earned. */
    public record Recorded(CollectionRecord collection, boolean alreadyRecorded, List<Ledger.Line> newLines) {
    }

    public Recorded record(String orderNumber, LocalDate receivedOn, BigDecimal amount, String reference,
            String actor) {
        Optional<Recorded> earlier = earlier(orderNumber, receivedOn, amount, reference);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return transactions.execute(status -> {
                CollectionRecord saved = collections.saveAndFlush(new CollectionRecord(reference, orderNumber,
                        receivedOn, amount, actor, clock.instant()));
                List<Ledger.Line> earned = claims.reconcileOrder(orderNumber);
                events.publishEvent(new CollectionRecorded(actor, saved.getId(), reference, orderNumber, receivedOn,
                        amount, earned.size()));
                return new Recorded(saved, false, earned);
            });
        } catch (DataIntegrityViolationException e) {
            return earlier(orderNumber, receivedOn, amount, reference).orElseThrow(() -> e);
        }
    }

    /** Whether {@code reference} was recorded before for another order, date or amount. */
    @Transactional(readOnly = true)
    public boolean conflicts(String reference, String orderNumber, LocalDate receivedOn, BigDecimal amount) {
        return collections.findByReference(reference)
                .filter(existing -> !existing.sameAs(orderNumber, receivedOn, amount)).isPresent();
    }

    @Transactional(readOnly = true)
    public Page<CollectionRecord> search(String query, Pageable pageable) {
        return collections.search(SearchText.isBlank(query) ? "%" : SearchText.containsPattern(query), pageable);
    }

    private Optional<Recorded> earlier(String orderNumber, LocalDate receivedOn, BigDecimal amount, String reference) {
        return collections.findByReference(reference).map(existing -> {
            if (!existing.sameAs(orderNumber, receivedOn, amount)) {
                throw new Refusal.WrongState("collection.reference.conflict");
            }
            return new Recorded(existing, true, List.of());
        });
    }
}
