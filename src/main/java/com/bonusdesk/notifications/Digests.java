package com.bonusdesk.notifications;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.people.PersonContact;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.workflow.Approvals;

/**
 * The daily digest of waiting items: one mail per approver with what waits in each of their queues, and one post
 * per team robot with what waits for the team's manager. Sent once a day per recipient, whichever instance runs it.
 */
@Component
@RequiredArgsConstructor
class Digests {

    /** The roles whose holders have queues. */
    private static final List<Role> APPROVERS = List.of(Role.MANAGER, Role.DIRECTOR, Role.HR, Role.FINANCE);

    private final Approvals approvals;
    private final PersonService people;
    private final Preferences preferences;
    private final TeamWebhooks teams;
    private final Outbox outbox;
    private final NotificationText text;
    private final MailDelivery mail;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** What waits in one of a person's queues. */
    record Queue(String subjectType, long waiting, String link) {
    }

    @Scheduled(cron = "${bonusdesk.notifications.digest-cron:0 30 8 * * *}", zone = "${bonusdesk.zone:Asia/Shanghai}")
    @SchedulerLock(name = "notification-digest", lockAtLeastFor = "PT1M")
    @Transactional
    void daily() {
        send(LocalDate.now(clock));
    }

    /** Writes the day's digests to the outbox, each recipient's at most once; returns how many were written. */
    @Transactional
    public int send(LocalDate day) {
        int written = 0;
        if (mail.enabled()) {
            Set<Long> approvers = new HashSet<>();
            APPROVERS.forEach(role -> approvers.addAll(people.activeIdsWithRole(role)));
            Map<Long, Set<Channel>> off = preferences.offFor(approvers, NotificationKind.WAITING);
            for (PersonContact person : people.contacts(approvers).values()) {
                if (!person.hasEmail() || off.getOrDefault(person.id(), Set.of()).contains(Channel.EMAIL)) {
                    continue;
                }
                List<Queue> queues = queuesOf(person.id());
                if (!queues.isEmpty() && firstToday(day, "person:" + person.id())) {
                    NotificationText.Mail digest = text.digest(queues, person.displayName(),
                            Locale.forLanguageTag(person.language()));
                    outbox.add(List.of(new Outbox.New(OutgoingMessage.EMAIL, person.email(), person.id(), null,
                            NotificationKind.WAITING, digest.subject(), digest.body())), clock.instant());
                    written++;
                }
            }
        }
        for (TeamWebhook team : teams.all()) {
            List<Queue> queues = queuesOf(team.managerId());
            if (!queues.isEmpty() && firstToday(day, "team:" + team.id())) {
                PersonContact manager = people.contacts(List.of(team.managerId())).get(team.managerId());
                NotificationText.Mail post = text.digest(queues, manager.displayName(),
                        Locale.forLanguageTag(manager.language()));
                outbox.add(List.of(new Outbox.New(OutgoingMessage.WEBHOOK, team.url(), null, team.id(),
                        NotificationKind.WAITING, post.subject(), post.body())), clock.instant());
                written++;
            }
        }
        return written;
    }

    private List<Queue> queuesOf(long personId) {
        List<Queue> queues = new ArrayList<>();
        approvals.waitingCounts(personId).forEach((subjectType, waiting) ->
                queues.add(new Queue(subjectType, waiting, Subjects.queue(subjectType))));
        return queues;
    }

    private boolean firstToday(LocalDate day, String recipient) {
        return jdbc.update("insert into digest_sent (day, recipient) values (?, ?) on conflict do nothing",
                Date.valueOf(day), recipient) == 1;
    }
}
