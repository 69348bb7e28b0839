package com.bonusdesk.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;

interface ReferralRepository extends JpaRepository<Referral, Long> {

    List<Referral> findByStatusAndSignedDateBetween(ReferralStatus status, LocalDate from, LocalDate to);

    /** Decisions taken since {@code since}, per month of the decision (company time), status and reason. */
    @Query(value = """
            select to_char(decided_at at time zone :zone, 'YYYY-MM') as month, status,
                   coalesce(decision_reason, '') as reason, count(*) as decided
            from referral where decided_at >= :since and status in ('APPROVED', 'REJECTED')
            group by 1, 2, 3 order by 1, 2, 4 desc, 3""", nativeQuery = true)
    List<DecisionRow> decisionsSince(@Param("since") Instant since, @Param("zone") String zone);

    /** One month's decisions of one status and reason. */
    interface DecisionRow {

        String getMonth();

        String getStatus();

        String getReason();

        long getDecided();
    }

    boolean existsByClientCodeAndStatusIn(String clientCode, Collection<ReferralStatus> statuses);

    Optional<Referral> findFirstByClientCodeAndStatusIn(String clientCode, Collection<ReferralStatus> statuses);

    Page<Referral> findByReferrerId(long referrerId, Pageable pageable);

    List<Referral> findByIdInAndStatusOrderByFiledAtAsc(Collection<Long> ids, ReferralStatus status);

}
