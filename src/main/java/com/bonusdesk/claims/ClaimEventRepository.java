package com.bonusdesk.claims;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClaimEventRepository extends JpaRepository<ClaimEvent, Long> {

    List<ClaimEvent> findByClaimIdOrderByIdAsc(long claimId);
}
