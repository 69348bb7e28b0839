package com.bonusdesk.referrals;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralRepository extends JpaRepository<Referral, Long> {

    boolean existsByClientCodeAndStatusIn(String clientCode, Collection<ReferralStatus> statuses);

    Optional<Referral> findFirstByClientCodeAndStatusIn(String clientCode, Collection<ReferralStatus> statuses);

    Page<Referral> findByReferrerId(long referrerId, Pageable pageable);

    List<Referral> findByIdInAndStatusOrderByFiledAtAsc(Collection<Long> ids, ReferralStatus status);

}
