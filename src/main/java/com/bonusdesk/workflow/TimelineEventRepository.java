package com.bonusdesk.workflow;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineEventRepository extends JpaRepository<TimelineEvent, Long> {

    List<TimelineEvent> findBySubjectTypeAndSubjectIdOrderByIdAsc(String subjectType, long subjectId);
}
