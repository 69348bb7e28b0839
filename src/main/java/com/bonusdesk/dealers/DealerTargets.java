package com.bonusdesk.dealers;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Each dealer's annual targets, one per year; setting a year again replaces its target. */
@Component
@RequiredArgsConstructor
class DealerTargets {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** Sets the target; returns the one it replaced, if any. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<BigDecimal> set(long dealerId, int year, BigDecimal target, String actor) {
        Optional<BigDecimal> before = of(dealerId, year);
        jdbc.update("""
                insert into dealer_target (dealer_id, year, target, set_by, set_at) values (?, ?, ?, ?, ?)
                on conflict (dealer_id, year) do update set target = excluded.target, set_by = excluded.set_by,
                    set_at = excluded.set_at""", dealerId, year, target, actor, Timestamp.from(clock.instant()));
        return before;
    }

    @Transactional(readOnly = true)
    Optional<BigDecimal> of(long dealerId, int year) {
        return jdbc.queryForList("select target from dealer_target where dealer_id = ? and year = ?",
                BigDecimal.class, dealerId, year).stream().findFirst();
    }

    /** A dealer's targets by year. */
    @Transactional(readOnly = true)
    Map<Integer, BigDecimal> all(long dealerId) {
        Map<Integer, BigDecimal> targets = new TreeMap<>();
        jdbc.query("select year, target from dealer_target where dealer_id = ?",
                row -> {
                    targets.put(row.getInt(1), row.getBigDecimal(2));
                }, dealerId);
        return targets;
    }
}
