package com.bonusdesk.clients;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ClientRepository extends JpaRepository<Client, Long> {

    Optional<Client> findByCode(String code);

    @Query("""
            select c from Client c
            where lower(c.code) like :pattern escape '\\' or lower(c.name) like :pattern escape '\\'
            """)
    Page<Client> search(@Param("pattern") String pattern, Pageable pageable);
}
