package com.bonusdesk.rebates;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface LineApprovalRepository extends JpaRepository<LineApproval, Long> {

    List<LineApproval> findBySourceTypeAndSourceIdOrderByIdDesc(String sourceType, long sourceId);

    List<LineApproval> findByIdInAndStatusOrderByCreatedAtAsc(Collection<Long> ids, LineApproval.Status status);
}
