package com.bonusdesk.referrals;

import com.bonusdesk.web.Evidence;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The evidence files attached to applications, one per application. */
@Component
@RequiredArgsConstructor
class ReferralAttachments {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Transactional(propagation = Propagation.MANDATORY)
    void attach(long referralId, Evidence evidence) {
        jdbc.update("""
                insert into referral_attachment (referral_id, file_name, content_type, content, uploaded_at)
                values (?, ?, ?, ?, ?)""", referralId, evidence.fileName(), evidence.contentType(), evidence.content(),
                Timestamp.from(clock.instant()));
    }

    @Transactional(readOnly = true)
    Optional<Evidence> of(long referralId) {
        return jdbc.query("select file_name, content_type, content from referral_attachment where referral_id = ?",
                (row, n) -> new Evidence(row.getString(1), row.getString(2), row.getBytes(3)), referralId)
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    Optional<String> nameOf(long referralId) {
        return jdbc.queryForList("select file_name from referral_attachment where referral_id = ?", String.class,
                referralId).stream().findFirst();
    }
}
