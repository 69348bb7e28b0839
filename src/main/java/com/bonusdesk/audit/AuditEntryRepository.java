package com.bonusdesk.audit;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    /** {@code pattern} is a lower-case LIKE pattern whose wildcards in the user's text are escaped with {@code \}. */
    @Query("""
            select e from AuditEntry e
            where lower(e.actor) like :pattern escape '\\'
               or lower(e.action) like :pattern escape '\\'
               or lower(coalesce(e.subjectLabel, '')) like :pattern escape '\\'
            """)
    Page<AuditEntry> search(@Param("pattern") String pattern, Pageable pageable);

    List<AuditEntry> findBySubjectTypeAndSubjectIdOrderByIdAsc(String subjectType, String subjectId);

    List<AuditEntry> findByActorAndActionOrderByIdAsc(String actor, String action);
}
