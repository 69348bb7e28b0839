package com.bonusdesk.disputes;

import java.time.LocalDate;
import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DisputeRepository extends JpaRepository<Dispute, Long> {

    /**
     * Disputes of the given payees (or of everyone), with a status or any, whose text matches {@code pattern} or
     * whose payee is one of {@code named}: open ones first, by due date.
     */
    @Query("""
            select d from Dispute d
            where (:everyone = true or d.payeeId in :payees) and (:status is null or d.status = :status)
              and (lower(d.text) like :pattern escape '\\' or d.payeeId in :named)
            order by case when d.status = com.bonusdesk.disputes.DisputeStatus.OPEN then 0 else 1 end, d.dueOn, d.id""")
    Page<Dispute> findFor(@Param("everyone") boolean everyone, @Param("payees") Collection<Long> payees,
            @Param("status") DisputeStatus status, @Param("pattern") String pattern,
            @Param("named") Collection<Long> named, Pageable pageable);

    long countByStatus(DisputeStatus status);

    long countByStatusAndDueOnBefore(DisputeStatus status, LocalDate day);

    long countByPayeeIdAndStatus(long payeeId, DisputeStatus status);
}
