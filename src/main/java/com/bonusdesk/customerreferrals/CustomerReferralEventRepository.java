package com.bonusdesk.customerreferrals;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerReferralEventRepository extends JpaRepository<CustomerReferralEvent, Long> {

    List<CustomerReferralEvent> findByCustomerReferralIdOrderByIdAsc(long customerReferralId);
}
