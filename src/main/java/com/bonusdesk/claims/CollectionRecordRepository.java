package com.bonusdesk.claims;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CollectionRecordRepository extends JpaRepository<CollectionRecord, Long> {

    Optional<CollectionRecord> findByReference(String reference);

    List<CollectionRecord> findByOrderNumberOrderByReceivedOnAscIdAsc(String orderNumber);

    /** {@code pattern} is a lower-case LIKE pattern, escaped with {@code \}. */
    @Query("""
            select c from CollectionRecord c
            where lower(c.orderNumber) like :pattern escape '\\' or lower(c.reference) like :pattern escape '\\'
            """)
    Page<CollectionRecord> search(@Param("pattern") String pattern, Pageable pageable);
}
