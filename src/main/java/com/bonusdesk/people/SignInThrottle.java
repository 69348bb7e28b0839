package com.bonusdesk.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Slows and refuses guessing passwords, the same on every instance (failures live in the database). After
 * {@value #USERNAME_FAILURES} failures for a username within the window, each further attempt waits
 * {@link #USERNAME_PAUSE} after the last failure: slowed, never locked out for good, so that nobody can lock a
 * real user out. After {@value #ADDRESS_FAILURES} failures from one address within the window, that address waits
 * until the window has passed. A username is counted as sign-in reads it (trimmed, lower case), so that its
 * variants ({@code SALES3}, {@code " sales3"}) share one count.
 */
@Component
@RequiredArgsConstructor
public class SignInThrottle {

    static final int USERNAME_FAILURES = 5;
    static final Duration USERNAME_PAUSE = Duration.ofSeconds(30);
    static final int ADDRESS_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** How long {@code username} from {@code address} must wait before trying again; none when it may try now. */
    public Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        List<Instant> byUsername = recent("username", PersonDetailsService.normalise(username), since,
                USERNAME_FAILURES);
        Optional<Duration> slowed = byUsername.size() < USERNAME_FAILURES ? Optional.empty()
                : positive(Duration.between(now, byUsername.get(0).plus(USERNAME_PAUSE)));
        List<Instant> byAddress = recent("address", address, since, ADDRESS_FAILURES);
        Optional<Duration> refused = byAddress.size() < ADDRESS_FAILURES ? Optional.empty()
                : positive(Duration.between(now, byAddress.get(ADDRESS_FAILURES - 1).plus(WINDOW)));
        return slowed.isPresent() && refused.isPresent()
                ? Optional.of(slowed.get().compareTo(refused.get()) > 0 ? slowed.get() : refused.get())
                : slowed.or(() -> refused);
    }

    void failed(String username, String address) {
        jdbc.update("insert into sign_in_failure (username, address, failed_at) values (?, ?, ?)",
                cut(PersonDetailsService.normalise(username)), cut(address), Timestamp.from(clock.instant()));
        jdbc.update("delete from sign_in_failure where failed_at < ?",
                Timestamp.from(clock.instant().minus(WINDOW.multipliedBy(4))));
    }

    void succeeded(String username) {
        jdbc.update("delete from sign_in_failure where username = ?", cut(PersonDetailsService.normalise(username)));
    }

    /** The latest failures of a username or an address since {@code since}, newest first, at most {@code limit}. */
    private List<Instant> recent(String column, String value, Instant since, int limit) {
        return jdbc.queryForList("select failed_at from sign_in_failure where " + column + " = ? and failed_at > ?"
                + " order by failed_at desc limit ?", Timestamp.class, cut(value), Timestamp.from(since), limit)
                .stream().map(Timestamp::toInstant).toList();
    }

    private static Optional<Duration> positive(Duration wait) {
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    private static String cut(String text) {
        String value = text == null ? "" : text;
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
