package com.bonusdesk.disputes;

import java.time.LocalDate;
import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DisputeRepository extends JpaRepository<Dispute, Long> {

    /** Disputes of the given payees (or of everyone), with a status or any, oldest due first. */
    @Query("""
            select d from Dispute d
            where (:everyone = true or d.payeeId in :payees) and (:status is null or d.status = :status)
            order by case when d.status = com.bonusdesk.disputes.DisputeStatus.OPEN then 0 else 1 end, d.dueOn, d.id""")
    Page<Dispute> findFor(@Param("everyone") boolean everyone, @Param("payees") Collection<Long> payees,
            @Param("status") DisputeStatus status, Pageable pageable);

    long countByStatus(DisputeStatus status);

    long countByStatusAndDueOnBefore(DisputeStatus status, LocalDate day);

    long countByPayeeIdAndStatus(long payeeId, DisputeStatus status);
}
