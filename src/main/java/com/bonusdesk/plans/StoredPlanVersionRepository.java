package com.bonusdesk.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.bonusdesk.calculation.PlanKind;

interface StoredPlanVersionRepository extends JpaRepository<StoredPlanVersion, Long> {

    @Query("""
            select v from StoredPlanVersion v
            where v.kind = :kind and v.status = com.bonusdesk.plans.StoredPlanVersion.Status.PUBLISHED
              and v.validFrom <= :date and (v.validTo is null or v.validTo >= :date)
            order by v.number desc
            limit 1
            """)
    Optional<StoredPlanVersion> findInForce(@Param("kind") PlanKind kind, @Param("date") LocalDate date);

    List<StoredPlanVersion> findByKindOrderByNumberDesc(PlanKind kind);

    List<StoredPlanVersion> findByStatus(StoredPlanVersion.Status status);

    List<StoredPlanVersion> findAllByOrderByKindAscNumberDesc();

    Optional<StoredPlanVersion> findFirstByKindAndStatusOrderByNumberDesc(PlanKind kind, StoredPlanVersion.Status status);

    @Query("select coalesce(max(v.number), 0) from StoredPlanVersion v where v.kind = :kind")
    int highestNumber(@Param("kind") PlanKind kind);
}
