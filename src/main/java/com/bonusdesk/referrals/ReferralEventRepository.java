package com.bonusdesk.referrals;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralEventRepository extends JpaRepository<ReferralEvent, Long> {

    List<ReferralEvent> findByReferralIdOrderByIdAsc(long referralId);
}
