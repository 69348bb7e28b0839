package com.bonusdesk.notifications;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What each person turned off, per kind and channel; everything else reaches them. */
@Repository
@RequiredArgsConstructor
class Preferences {

    private final JdbcTemplate jdbc;

    /** A kind of notification by one channel. */
    record Choice(NotificationKind kind, Channel channel) {
    }

    Set<Choice> offFor(long personId) {
        return new HashSet<>(jdbc.query("select kind, channel from notification_preference where person_id = ?",
                (row, number) -> new Choice(NotificationKind.valueOf(row.getString(1)),
                        Channel.valueOf(row.getString(2))), personId));
    }

    /** For each of {@code people} who turned {@code kind} off somewhere, the channels they turned off. */
    Map<Long, Set<Channel>> offFor(Collection<Long> people, NotificationKind kind) {
        Map<Long, Set<Channel>> off = new HashMap<>();
        if (people.isEmpty()) {
            return off;
        }
        jdbc.query("select person_id, channel from notification_preference where kind = ? and person_id = any(?)",
                statement -> {
                    statement.setString(1, kind.name());
                    statement.setArray(2, statement.getConnection().createArrayOf("bigint", people.toArray()));
                }, row -> {
                    off.computeIfAbsent(row.getLong(1), id -> EnumSet.noneOf(Channel.class))
                            .add(Channel.valueOf(row.getString(2)));
                });
        return off;
    }

    void replace(long personId, Set<Choice> off) {
        jdbc.update("delete from notification_preference where person_id = ?", personId);
        jdbc.batchUpdate("insert into notification_preference (person_id, kind, channel) values (?, ?, ?)",
                off, 100, (statement, choice) -> {
                    statement.setLong(1, personId);
                    statement.setString(2, choice.kind().name());
                    statement.setString(3, choice.channel().name());
                });
    }
}
