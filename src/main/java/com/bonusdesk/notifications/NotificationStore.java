package com.bonusdesk.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The in-app notifications, written many at a time (a run pays thousands) and read a page at a time. */
@Repository
@RequiredArgsConstructor
class NotificationStore {

    /** Separates a notification's arguments in one column; no argument a person types contains it. */
    private static final String SEPARATOR = "\u001F";

    private final JdbcTemplate jdbc;

    /** A notification about to be written for one person. */
    record New(long personId, NotificationKind kind, String messageKey, List<String> arguments, String link) {
    }

    void add(List<New> notifications, Instant now) {
        jdbc.batchUpdate("insert into notification (person_id, kind, message_key, arguments, link, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", notifications, 1_000, (statement, notification) -> {
                    statement.setLong(1, notification.personId());
                    statement.setString(2, notification.kind().name());
                    statement.setString(3, notification.messageKey());
                    statement.setString(4, String.join(SEPARATOR, notification.arguments().stream()
                            .map(argument -> argument.replace(SEPARATOR, " ")).toList()));
                    statement.setString(5, notification.link());
                    statement.setTimestamp(6, Timestamp.from(now));
                });
    }

    /** The person's notifications, newest first; only the unread ones if asked. */
    Page<Notification> of(long personId, boolean unreadOnly, Pageable pageable) {
        String filter = unreadOnly ? " and read_at is null" : "";
        Long total = jdbc.queryForObject("select count(*) from notification where person_id = ?" + filter,
                Long.class, personId);
        List<Notification> page = jdbc.query("select id, kind, message_key, arguments, link, created_at, read_at"
                + " from notification where person_id = ?" + filter + " order by id desc limit ? offset ?",
                NotificationStore::notification, personId, pageable.getPageSize(), pageable.getOffset());
        return new PageImpl<>(page, pageable, total == null ? 0 : total);
    }

    long unread(long personId) {
        Long count = jdbc.queryForObject("select count(*) from notification where person_id = ? and read_at is null",
                Long.class, personId);
        return count == null ? 0 : count;
    }

    /** The person's own notification, if it is theirs. */
    Optional<Notification> find(long personId, long id) {
        return jdbc.query("select id, kind, message_key, arguments, link, created_at, read_at from notification"
                + " where id = ? and person_id = ?", NotificationStore::notification, id, personId).stream()
                .findFirst();
    }

    /** Marks the person's notification read; whether it is theirs. */
    boolean markRead(long personId, long id, Instant now) {
        return jdbc.update("update notification set read_at = coalesce(read_at, ?) where id = ? and person_id = ?",
                Timestamp.from(now), id, personId) == 1;
    }

    int markAllRead(long personId, Instant now) {
        return jdbc.update("update notification set read_at = ? where person_id = ? and read_at is null",
                Timestamp.from(now), personId);
    }

    private static Notification notification(ResultSet row, int number) throws SQLException {
        String arguments = row.getString("arguments");
        Timestamp read = row.getTimestamp("read_at");
        return new Notification(row.getLong("id"), NotificationKind.valueOf(row.getString("kind")),
                row.getString("message_key"),
                arguments.isEmpty() ? List.of() : Arrays.asList(arguments.split(SEPARATOR, -1)), row.getString("link"),
                row.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
