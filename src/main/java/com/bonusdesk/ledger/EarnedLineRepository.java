package com.bonusdesk.ledger;

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

    List<EarnedLine> findByIdInOrderByEarnedOnAscIdAsc(List<Long> ids);
}
