package com.bonusdesk.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.refusal.Refusal;

/** The teams' group robots, set by administrators: one per team, its URL checked before it is kept. */
@Service
@RequiredArgsConstructor
public class TeamWebhooks {

    private static final String COLUMNS = "id, manager_id, service, url, created_at, created_by";

    private final JdbcTemplate jdbc;
    private final PersonService people;
    private final NotificationProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<TeamWebhook> all() {
        return jdbc.query("select " + COLUMNS + " from team_webhook order by id", TeamWebhooks::webhook);
    }

    @Transactional(readOnly = true)
    public Optional<TeamWebhook> find(long id) {
        return jdbc.query("select " + COLUMNS + " from team_webhook where id = ?", TeamWebhooks::webhook, id).stream()
                .findFirst();
    }

    /** Sets the robot of the manager's team, replacing the one it had. */
    @Transactional
    public TeamWebhook set(long managerId, TeamWebhook.Service service, String url, String actor) {
        if (service == null) {
            throw new Refusal.InvalidInput("service", "webhook.service.required");
        }
        String checked = check(service, url);
        Set<Role> roles = people.rolesOfActive(managerId);
        if (!roles.contains(Role.MANAGER) && !roles.contains(Role.DIRECTOR)) {
            throw new Refusal.InvalidInput("managerId", "webhook.manager.notManager");
        }
        jdbc.update("insert into team_webhook (manager_id, service, url, created_at, created_by) values (?, ?, ?, ?, ?)"
                + " on conflict (manager_id) do update set service = excluded.service, url = excluded.url,"
                + " created_at = excluded.created_at, created_by = excluded.created_by",
                managerId, service.name(), checked, Timestamp.from(clock.instant()), actor);
        TeamWebhook set = jdbc.queryForObject("select " + COLUMNS + " from team_webhook where manager_id = ?",
                TeamWebhooks::webhook, managerId);
        events.publishEvent(new TeamWebhookChanged(actor, set.id(), managerId, service.name(), set.shownUrl(), "SET"));
        return set;
    }

    @Transactional
    public void remove(long id, String actor) {
        TeamWebhook webhook = find(id).orElseThrow(() -> new Refusal.NotFound());
        jdbc.update("delete from team_webhook where id = ?", id);
        events.publishEvent(new TeamWebhookChanged(actor, id, webhook.managerId(), webhook.service().name(),
                webhook.shownUrl(), "REMOVED"));
    }

    /**
     * The URL if it is a robot of the service: HTTPS to the service's host and path with the robot's key. A host
     * named in {@code webhook-test-hosts} stands in for the service, over plain HTTP too.
     */
    String check(TeamWebhook.Service service, String url) {
        String trimmed = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new Refusal.InvalidInput("url", "webhook.url.invalid", service.host);
        }
        boolean standIn = uri.getHost() != null && properties.webhookTestHosts().contains(uri.getHost());
        boolean real = "https".equals(uri.getScheme()) && service.host.equals(uri.getHost())
                && service.path.equals(uri.getPath());
        boolean keyed = uri.getRawQuery() != null
                && uri.getRawQuery().matches("(^|.*&)" + service.secretParameter + "=[A-Za-z0-9_-]{8,}(&.*|$)");
        if (trimmed.length() > 500 || !(real || standIn && uri.getScheme() != null) || !keyed) {
            throw new Refusal.InvalidInput("url", "webhook.url.invalid", service.host);
        }
        return trimmed;
    }

    private static TeamWebhook webhook(ResultSet row, int number) throws SQLException {
        return new TeamWebhook(row.getLong("id"), row.getLong("manager_id"),
                TeamWebhook.Service.valueOf(row.getString("service")), row.getString("url"),
                row.getTimestamp("created_at").toInstant(), row.getString("created_by"));
    }
}
