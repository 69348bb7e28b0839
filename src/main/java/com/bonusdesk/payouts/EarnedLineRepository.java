package com.bonusdesk.payouts;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EarnedLineRepository extends JpaRepository<EarnedLine, Long> {

    List<EarnedLine> findBySourceTypeAndSourceIdOrderByIdAsc(String sourceType, long sourceId);

    List<EarnedLine> findByPayeeIdAndEarnedOnBetweenOrderByEarnedOnAscIdAsc(long payeeId, LocalDate from, LocalDate to);
}
