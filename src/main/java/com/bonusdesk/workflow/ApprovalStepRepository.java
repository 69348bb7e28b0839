package com.bonusdesk.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApprovalStepRepository extends JpaRepository<ApprovalStep, Long> {

    List<ApprovalStep> findBySubjectTypeAndSubjectIdOrderByPositionAsc(String subjectType, long subjectId);

    @Query("select distinct s.subjectType from ApprovalStep s where s.open = true")
    List<String> openSubjectTypes();

    /**
     * The items of a type whose open step {@code personId} may take: its approver is a role they hold, or a
     * manager or general manager of the line while the submitter is in theirs; never their own item, and never
     * one whose earlier step they took (a first step has none: most waiting items are spared the look-up).
     */
    @Query("""
            select s.subjectId from ApprovalStep s
            where s.subjectType = :type and s.open = true and s.submitterId <> :person
              and (s.approver in :roles or (s.approver in :lineApprovers and s.submitterId in :line))
              and (s.position = 0 or not exists (select 1 from ApprovalStep taken
                   where taken.subjectType = s.subjectType and taken.subjectId = s.subjectId
                     and taken.decidedBy = :person))
            order by s.subjectId""")
    Page<Long> openFor(@Param("type") String subjectType, @Param("person") long personId,
            @Param("roles") Collection<String> roles, @Param("lineApprovers") Collection<String> lineApprovers,
            @Param("line") Collection<Long> line, Pageable pageable);

    /**
     * Per kind of item, how many have an open step, and the oldest of their last changes: since then they wait. Each
     * open step looks up its own item's last change, so that a scrape costs what waits, not the whole timeline.
     */
    @Query(value = """
            select s.subject_type as subjectType, count(*) as waiting, min(e.since) as since
            from approval_step s
            cross join lateral (select max(w.occurred_at) as since from workflow_event w
                                where w.subject_type = s.subject_type and w.subject_id = s.subject_id) e
            where s.open and e.since is not null group by s.subject_type""", nativeQuery = true)
    List<QueueRow> queues();

    /**
     * How long each step of the items of {@code submitters} took, decided since {@code since}: from the item's
     * submission (a first step) or the step before's decision, to this step's decision; in seconds, on average.
     */
    @Query(value = """
            select s.subject_type as subjectType, s.position + 1 as step, count(*) as decided,
                   avg(extract(epoch from s.decided_at - coalesce(previous.decided_at, submitted.at))) as seconds
            from approval_step s
            left join approval_step previous on previous.subject_type = s.subject_type
                 and previous.subject_id = s.subject_id and previous.position = s.position - 1
            cross join lateral (select min(e.occurred_at) as at from workflow_event e
                                where e.subject_type = s.subject_type and e.subject_id = s.subject_id) submitted
            where s.decided_at >= :since and s.submitter_id in :submitters
            group by s.subject_type, s.position order by 1, 2""", nativeQuery = true)
    List<StepTimeRow> decisionTimes(@Param("submitters") Collection<Long> submitters,
            @Param("since") Instant since);

    /** One step's decision time. */
    interface StepTimeRow {

        String getSubjectType();

        int getStep();

        long getDecided();

        Double getSeconds();
    }

    /** One kind of item's open steps. */
    interface QueueRow {

        String getSubjectType();

        long getWaiting();

        java.time.Instant getSince();
    }
}
