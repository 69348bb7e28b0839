package com.bonusdesk.audit;

import java.time.Clock;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.web.SearchText;

/** Writes and reads the audit trail. Writing joins the caller's transaction: a change and its entry commit together. */
@Service
@RequiredArgsConstructor
public class AuditTrail {

    /** The length of {@code subject_label}: a label is there to be read in a list, the subject's id identifies it. */
    static final int LABEL_LENGTH = 200;

    private final AuditEntryRepository entries;
    private final Clock clock;

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String subjectType, String subjectId, String subjectLabel,
            String before, String after, String reason) {
        entries.save(new AuditEntry(clock.instant(), actor, action, subjectType, subjectId, shortened(subjectLabel),
                before, after, reason));
    }

    /** A label that fits its column, cut at a character boundary and marked with an ellipsis when it was cut. */
    static String shortened(String label) {
        if (label == null || label.codePointCount(0, label.length()) <= LABEL_LENGTH) {
            return label;
        }
        return label.substring(0, label.offsetByCodePoints(0, LABEL_LENGTH - 1)) + "…";
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> search(String query, Pageable pageable) {
        if (SearchText.isBlank(query)) {
            return entries.findAll(pageable);
        }
        return entries.search(SearchText.containsPattern(query), pageable);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> historyOf(String subjectType, String subjectId) {
        return entries.findBySubjectTypeAndSubjectIdOrderByIdAsc(subjectType, subjectId);
    }
}
