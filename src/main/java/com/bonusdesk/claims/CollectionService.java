package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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
    private final MonthlyCountBonus monthlyCount;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** What recording did: the record (new or the one already there) and the lines it earned. */
    public record Recorded(CollectionRecord collection, boolean alreadyRecorded, List<Ledger.Line> newLines) {
    }

    /** Why a person may not record money received on an order. */
    public enum Objection {
        /** Money is recorded once it has come: never dated after today. */
        FUTURE_DATE,
        /** Neither the ERP nor any claim names the order. */
        UNKNOWN_ORDER,
        /** The recorder claimed the order: the money would pay them, and nobody pays themself. */
        OWN_CLAIM;

        /** The refusal the API answers with: 400 for the date, 422 for an unknown order, 403 for one's own. */
        public Refusal refusal(String orderNumber) {
            return switch (this) {
                case FUTURE_DATE -> new Refusal.InvalidInput("date", "collection.date.future");
                case UNKNOWN_ORDER -> new Refusal.NotEligible("UNKNOWN_ORDER", "collection.unknownOrder", orderNumber);
                case OWN_CLAIM -> new Refusal.NotPermitted("collection.ownClaim", orderNumber);
            };
        }
    }

    /** What refuses {@code recorderId} recording money received on {@code receivedOn} for the order, if anything. */
    @Transactional(readOnly = true)
    public Optional<Objection> objection(String orderNumber, LocalDate receivedOn, long recorderId) {
        if (receivedOn.isAfter(LocalDate.now(clock))) {
            return Optional.of(Objection.FUTURE_DATE);
        }
        if (!claims.knowsOrder(orderNumber)) {
            return Optional.of(Objection.UNKNOWN_ORDER);
        }
        if (claims.claimedBy(orderNumber, recorderId)) {
            return Optional.of(Objection.OWN_CLAIM);
        }
        return Optional.empty();
    }

    /**
     * Records money a person received on an order, unless an {@link Objection} refuses it; the same money sent
     * again is found recorded, as {@link #record} finds it, whatever was recorded before the objections existed.
     */
    public Recorded recordBy(long recorderId, String orderNumber, LocalDate receivedOn, BigDecimal amount,
            String reference, String actor) {
        Optional<Recorded> earlier = earlier(orderNumber, receivedOn, amount, reference);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<Objection> objection = objection(orderNumber, receivedOn, recorderId);
        if (objection.isPresent()) {
            throw objection.get().refusal(orderNumber);
        }
        return recordNew(orderNumber, receivedOn, amount, reference, actor);
    }

    public Recorded record(String orderNumber, LocalDate receivedOn, BigDecimal amount, String reference,
            String actor) {
        return earlier(orderNumber, receivedOn, amount, reference)
                .orElseGet(() -> recordNew(orderNumber, receivedOn, amount, reference, actor));
    }

    /** Records money not recorded before; of two recording it at once, the second finds the first's record. */
    private Recorded recordNew(String orderNumber, LocalDate receivedOn, BigDecimal amount, String reference,
            String actor) {
        try {
            return transactions.execute(status -> {
                CollectionRecord saved = collections.saveAndFlush(new CollectionRecord(reference, orderNumber,
                        receivedOn, amount, actor, clock.instant()));
                List<Ledger.Line> earned = new ArrayList<>(claims.reconcileOrder(orderNumber));
                claims.approvedClaimOf(orderNumber).ifPresent(claim -> {
                    YearMonth month = YearMonth.from(claim.getOrderDate());
                    if (monthlyCount.isOpen(month, receivedOn)) {
                        earned.addAll(monthlyCount.compute(month, claim.getSubmitterId(), receivedOn));
                    }
                });
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
