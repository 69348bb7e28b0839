package com.bonusdesk.payouts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PayoutRunRepository extends JpaRepository<PayoutRun, Long> {

    @Query("select r from PayoutRun r where r.weekEnding = :weekEnding and r.status <> com.bonusdesk.payouts.PayoutRunStatus.REJECTED")
    Optional<PayoutRun> findLive(@Param("weekEnding") LocalDate weekEnding);

    Page<PayoutRun> findByStatusIn(Collection<PayoutRunStatus> statuses, Pageable pageable);

    long countByStatus(PayoutRunStatus status);

    List<PayoutRun> findByStatusAndFailure(PayoutRunStatus status, String failure);

    List<PayoutRun> findByWeekEndingBetweenAndStatusNot(LocalDate from, LocalDate to, PayoutRunStatus status);
}
