package com.bonusdesk.disputes;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdjustmentRepository extends JpaRepository<Adjustment, Long> {

    Optional<Adjustment> findByDisputeId(long disputeId);

    Page<Adjustment> findAllByOrderByIdDesc(Pageable pageable);

    List<Adjustment> findByIdInAndStatusOrderByCreatedAtAsc(Collection<Long> ids, AdjustmentStatus status);
}
