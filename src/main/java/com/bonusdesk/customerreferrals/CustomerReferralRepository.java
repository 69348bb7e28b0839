package com.bonusdesk.customerreferrals;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerReferralRepository extends JpaRepository<CustomerReferral, Long> {

    Optional<CustomerReferral> findByVisitorMobile(String visitorMobile);

    Page<CustomerReferral> findByRegisteredBy(long registeredBy, Pageable pageable);

    List<CustomerReferral> findByStatusAndDealSignedDateBetween(CustomerReferralStatus status, java.time.LocalDate from,
            java.time.LocalDate to);

    List<CustomerReferral> findByIdInAndStatusInOrderByRegisteredAtAsc(Collection<Long> ids,
            Collection<CustomerReferralStatus> statuses);
}
