package com.bonusdesk.payouts;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EarnedLineRepository extends JpaRepository<EarnedLine, Long> {

    @Query("select distinct l.payeeId from EarnedLine l where l.sourceType = :type")
    List<Long> findPayeesBySourceType(@Param("type") String sourceType);

    List<EarnedLine> findBySourceTypeAndSourceIdOrderByIdAsc(String sourceType, long sourceId);

    List<EarnedLine> findByPayeeIdAndEarnedOnBetweenOrderByEarnedOnAscIdAsc(long payeeId, LocalDate from, LocalDate to);

    @Query(value = """
            select l.* from earned_line l join payout_item i on i.line_id = l.id
            where i.run_id = :run and i.payee_id = :payee and i.state = 'IN_RUN'
            order by l.earned_on, l.id""", nativeQuery = true)
    List<EarnedLine> findInRun(@Param("run") long runId, @Param("payee") long payeeId);
}
