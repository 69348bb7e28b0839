package com.bonusdesk.keyaccounts;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgreementRepository extends JpaRepository<Agreement, Long> {

    List<Agreement> findByKeyAccountIdOrderByIdDesc(long keyAccountId);

    List<Agreement> findByKeyAccountIdAndStatusOrderByIdDesc(long keyAccountId, Agreement.Status status);

    List<Agreement> findByIdInAndStatusOrderByEnteredAtAsc(java.util.Collection<Long> ids, Agreement.Status status);
}
