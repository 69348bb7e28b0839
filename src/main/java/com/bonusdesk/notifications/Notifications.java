package com.bonusdesk.notifications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.people.PersonContact;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.refusal.Refusal;

/**
 * Tells people what concerns them, in the transaction of the event: a line under their bell and, unless they turned
 * it off, a mail in their language through the outbox. A transaction that does not commit tells nobody anything.
 */
@Service
@RequiredArgsConstructor
public class Notifications {

    private final NotificationStore store;
    private final Preferences preferences;
    private final Outbox outbox;
    private final PersonService people;
    private final NotificationText text;
    private final MailDelivery mail;
    private final Clock clock;

    /** What one person is told: the arguments of the sentence and the page it opens. */
    public record Notice(long personId, String link, List<String> arguments) {

        public Notice {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * Tells each of {@code personIds} (inactive people are skipped) the sentence {@code key} with {@code arguments},
     * opening {@code link}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tell(Collection<Long> personIds, NotificationKind kind, String link, String key,
            List<String> arguments) {
        tell(kind, key, personIds.stream().distinct().map(id -> new Notice(id, link, arguments)).toList());
    }

    /** Tells each person their own sentence {@code key}, as many as a payout run pays, in a few statements. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tell(NotificationKind kind, String key, List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        List<Long> personIds = notices.stream().map(Notice::personId).toList();
        Map<Long, PersonContact> contacts = people.contacts(personIds);
        Map<Long, Set<Channel>> off = preferences.offFor(contacts.keySet(), kind);
        List<NotificationStore.New> inApp = new ArrayList<>();
        List<Outbox.New> mails = new ArrayList<>();
        for (Notice notice : notices) {
            PersonContact person = contacts.get(notice.personId());
            if (person == null || !person.active()) {
                continue;
            }
            Set<Channel> turnedOff = off.getOrDefault(person.id(), EnumSet.noneOf(Channel.class));
            if (!turnedOff.contains(Channel.IN_APP)) {
                inApp.add(new NotificationStore.New(person.id(), kind, key, notice.arguments(), notice.link()));
            }
            if (kind.mailedAtOnce() && mail.enabled() && person.hasEmail() && !turnedOff.contains(Channel.EMAIL)) {
                NotificationText.Mail words = text.mail(key, notice.arguments(), notice.link(), person.displayName(),
                        Locale.forLanguageTag(person.language()));
                mails.add(new Outbox.New(OutgoingMessage.EMAIL, person.email(), person.id(), null, kind,
                        words.subject(), words.body()));
            }
        }
        store.add(inApp, clock.instant());
        outbox.add(mails, clock.instant());
    }

    @Transactional(readOnly = true)
    public Page<Notification> of(long personId, boolean unreadOnly, Pageable pageable) {
        return store.of(personId, unreadOnly, pageable);
    }

    @Transactional(readOnly = true)
    public long unread(long personId) {
        return store.unread(personId);
    }

    /** Marks the person's notification read and returns it; another person's is not found. */
    @Transactional
    public Notification open(long personId, long id) {
        if (!store.markRead(personId, id, clock.instant())) {
            throw new Refusal.NotFound();
        }
        return store.find(personId, id).orElseThrow(Refusal.NotFound::new);
    }

    @Transactional
    public int markAllRead(long personId) {
        return store.markAllRead(personId, clock.instant());
    }

    /** What the person turned off, per kind and channel. */
    @Transactional(readOnly = true)
    Set<Preferences.Choice> turnedOff(long personId) {
        return preferences.offFor(personId);
    }

    /** Replaces what the person turned off. */
    @Transactional
    void turnOff(long personId, Set<Preferences.Choice> off) {
        preferences.replace(personId, off);
    }

    /** Whether mail is set up at all (a {@code spring.mail.host}). */
    public boolean mailEnabled() {
        return mail.enabled();
    }
}
