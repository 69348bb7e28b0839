package com.bonusdesk.dealers;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DealerRepository extends JpaRepository<Dealer, Long> {

    Optional<Dealer> findByClientId(long clientId);

    List<Dealer> findAllByOrderByIdAsc();

    /** Dealers whose client's code or current name matches {@code pattern} (a lower-case LIKE pattern). */
    @Query(value = """
            select d.* from dealer d join client c on c.id = d.client_id
            where lower(c.code) like :pattern escape '\\' or lower(c.name) like :pattern escape '\\'
            order by c.code""",
            countQuery = """
            select count(*) from dealer d join client c on c.id = d.client_id
            where lower(c.code) like :pattern escape '\\' or lower(c.name) like :pattern escape '\\'""",
            nativeQuery = true)
    Page<Dealer> search(@Param("pattern") String pattern, Pageable pageable);
}
