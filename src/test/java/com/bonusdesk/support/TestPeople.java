package com.bonusdesk.support;

import org.springframework.jdbc.core.JdbcTemplate;

import com.bonusdesk.people.Role;

/**
 * People a test makes for itself, written straight to the database: active, signed in by {@link SignedIn} or an API
 * token (their password is never checked), with the roles and the manager the test needs, so that nothing the test
 * does to them (a suspension, a scope, a reporting line) touches the demo accounts other tests use.
 */
public final class TestPeople {

    private TestPeople() {
    }

    /** A new person under {@code managerId} (none when null) holding {@code roles}; returns their id. */
    public static long insert(JdbcTemplate jdbc, String username, Long managerId, Role... roles) {
        long id = jdbc.queryForObject("""
                insert into person (username, password_hash, display_name, manager_id, created_at, updated_at)
                values (?, '{noop}unused', ?, ?, now(), now()) returning id""", Long.class, username, username,
                managerId);
        for (Role role : roles) {
            jdbc.update("insert into person_role (person_id, role) values (?, ?)", id, role.name());
        }
        return id;
    }

    /** The id of the person signing in as {@code username}. */
    public static long idOf(JdbcTemplate jdbc, String username) {
        return jdbc.queryForObject("select id from person where username = ?", Long.class, username);
    }
}
