package com.bonusdesk.claims;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ClaimRepository extends JpaRepository<Claim, Long> {

    Optional<Claim> findFirstByOrderNumberAndStatus(String orderNumber, ClaimStatus status);

    /** Whether a claim of the client in {@code statuses} has an order dated in [from, to]. */
    boolean existsByClientCodeAndStatusInAndOrderDateBetween(String clientCode, Collection<ClaimStatus> statuses,
            LocalDate from, LocalDate to);

    /**
     * Holds the client's lock until the transaction ends, on every instance: two claims of one client registered
     * at once are checked one after the other.
     */
    @Query(value = "select count(*) from (select pg_advisory_xact_lock(hashtextextended('claim-client:' || :code, 0)))"
            + " as locked", nativeQuery = true)
    long lockClient(@Param("code") String clientCode);

    boolean existsByOrderNumberAndStatusIn(String orderNumber, Collection<ClaimStatus> statuses);

    boolean existsByOrderNumber(String orderNumber);

    boolean existsByOrderNumberAndSubmitterIdAndStatusIn(String orderNumber, long submitterId,
            Collection<ClaimStatus> statuses);

    /**
     * A person's claims with an order date in [from, to], optionally of one status and matching a client name or code
     * ({@code pattern} is a lower-case LIKE pattern, escaped with {@code \}).
     */
    @Query("""
            select c from Claim c
            where c.submitterId = :submitter
              and (:status is null or c.status = :status)
              and c.orderDate between :from and :to
              and (lower(c.clientName) like :pattern escape '\\' or lower(c.clientCode) like :pattern escape '\\')
            """)
    Page<Claim> findMine(@Param("submitter") long submitterId, @Param("status") ClaimStatus status,
            @Param("from") LocalDate from, @Param("to") LocalDate to, @Param("pattern") String pattern,
            Pageable pageable);

    @Query("""
            select c from Claim c
            where c.submitterId in :submitters and (:status is null or c.status = :status)
            """)
    Page<Claim> findBySubmitters(@Param("submitters") Collection<Long> submitters, @Param("status") ClaimStatus status,
            Pageable pageable);

    long countBySubmitterIdAndStatus(long submitterId, ClaimStatus status);

    List<Claim> findByStatusAndOrderDateBetween(ClaimStatus status, LocalDate from, LocalDate to);

    List<Claim> findBySubmitterIdAndStatusAndOrderDateBetween(long submitterId, ClaimStatus status, LocalDate from,
            LocalDate to);

    List<Claim> findByIdInAndStatusOrderBySubmittedAtAsc(Collection<Long> ids, ClaimStatus status);
}
