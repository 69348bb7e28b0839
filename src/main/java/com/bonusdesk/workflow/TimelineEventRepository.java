package com.bonusdesk.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TimelineEventRepository extends JpaRepository<TimelineEvent, Long> {

    List<TimelineEvent> findBySubjectTypeAndSubjectIdOrderByIdAsc(String subjectType, long subjectId);

    /** Each subject's last change of status: since then it has waited where it stands. */
    @Query("""
            select e.subjectId as subjectId, max(e.occurredAt) as since from TimelineEvent e
            where e.subjectType = :type and e.subjectId in :ids group by e.subjectId""")
    List<Waiting> lastChanges(@Param("type") String subjectType, @Param("ids") Collection<Long> subjectIds);

    /** A subject and the moment of its last change. */
    interface Waiting {

        Long getSubjectId();

        Instant getSince();
    }
}
