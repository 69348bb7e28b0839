package com.bonusdesk.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The messages waiting to leave, written in the transaction of their event. Deliverers on every instance take due
 * messages under row locks they skip on one another, so that each message is sent by one of them.
 */
@Repository
@RequiredArgsConstructor
class Outbox {

    private static final String COLUMNS = "id, channel, recipient, person_id, webhook_id, kind, subject, body,"
            + " created_at, next_attempt_at, attempts, last_error, sent_at, gave_up_at";

    private final JdbcTemplate jdbc;

    /** A message about to be written. */
    record New(String channel, String recipient, Long personId, Long webhookId, NotificationKind kind, String subject,
            String body) {
    }

    void add(List<New> messages, Instant now) {
        jdbc.batchUpdate("insert into outgoing_message (channel, recipient, person_id, webhook_id, kind, subject, body,"
                + " created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", messages, 1_000,
                (statement, message) -> {
                    statement.setString(1, message.channel());
                    statement.setString(2, message.recipient());
                    statement.setObject(3, message.personId());
                    statement.setObject(4, message.webhookId());
                    statement.setString(5, message.kind().name());
                    statement.setString(6, message.subject());
                    statement.setString(7, message.body());
                    statement.setTimestamp(8, Timestamp.from(now));
                    statement.setTimestamp(9, Timestamp.from(now));
                });
    }

    /** Locks up to {@code limit} messages due at {@code now}, oldest first, skipping those another deliverer holds. */
    List<OutgoingMessage> lockDue(Instant now, int limit) {
        return jdbc.query("select " + COLUMNS + " from outgoing_message where sent_at is null and gave_up_at is null"
                + " and next_attempt_at <= ? order by next_attempt_at, id limit ? for update skip locked",
                Outbox::message, Timestamp.from(now), limit);
    }

    void sent(long id, Instant now) {
        jdbc.update("update outgoing_message set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?",
                Timestamp.from(now), id);
    }

    /** Records a failed attempt: tried again at {@code retryAt}, or given up when there is none. */
    void failed(long id, String error, Instant retryAt, Instant now) {
        jdbc.update("update outgoing_message set attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
                + " gave_up_at = ? where id = ?", error, Timestamp.from(retryAt == null ? now : retryAt),
                retryAt == null ? Timestamp.from(now) : null, id);
    }

    /** Puts a message given up on back in line, to be tried at once. */
    boolean retry(long id, Instant now) {
        return jdbc.update("update outgoing_message set gave_up_at = null, next_attempt_at = ? where id = ?"
                + " and sent_at is null", Timestamp.from(now), id) == 1;
    }

    /** The messages in one state ({@code WAITING}, {@code GAVE_UP}, {@code SENT}, or all), newest first. */
    Page<OutgoingMessage> list(String state, Pageable pageable) {
        String filter = switch (state == null ? "" : state) {
            case "WAITING" -> " where sent_at is null and gave_up_at is null";
            case "GAVE_UP" -> " where gave_up_at is not null";
            case "SENT" -> " where sent_at is not null";
            default -> "";
        };
        Long total = jdbc.queryForObject("select count(*) from outgoing_message" + filter, Long.class);
        List<OutgoingMessage> page = jdbc.query("select " + COLUMNS + " from outgoing_message" + filter
                + " order by id desc limit ? offset ?", Outbox::message, pageable.getPageSize(), pageable.getOffset());
        return new PageImpl<>(page, pageable, total == null ? 0 : total);
    }

    /** How many messages wait, and how many were given up on: what administrators are shown first. */
    record Health(long waiting, long failing, long gaveUp) {
    }

    Health health() {
        return jdbc.queryForObject("select count(*) filter (where sent_at is null and gave_up_at is null),"
                + " count(*) filter (where sent_at is null and gave_up_at is null and attempts > 0),"
                + " count(*) filter (where gave_up_at is not null) from outgoing_message",
                (row, number) -> new Health(row.getLong(1), row.getLong(2), row.getLong(3)));
    }

    private static OutgoingMessage message(ResultSet row, int number) throws SQLException {
        return new OutgoingMessage(row.getLong("id"), row.getString("channel"), row.getString("recipient"),
                (Long) row.getObject("person_id"), (Long) row.getObject("webhook_id"),
                NotificationKind.valueOf(row.getString("kind")), row.getString("subject"), row.getString("body"),
                instant(row, "created_at"), instant(row, "next_attempt_at"), row.getInt("attempts"),
                row.getString("last_error"), instant(row, "sent_at"), instant(row, "gave_up_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
