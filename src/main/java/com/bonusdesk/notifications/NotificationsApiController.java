package com.bonusdesk.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.web.Pages;

/** The caller's own notifications, newest first, worded in the request's language. */
@RestController
@RequestMapping("/api/v1/me/notifications")
@RequiredArgsConstructor
class NotificationsApiController {

    private static final int LARGEST_PAGE = 200;

    private final Notifications notifications;
    private final NotificationText text;

    @GetMapping
    List<NotificationView> list(@RequestParam(name = "unread", defaultValue = "false") boolean unreadOnly,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "50") int size, @AuthenticationPrincipal PersonPrincipal me,
            Locale locale) {
        PageRequest request = PageRequest.of(Pages.index(page), Math.max(1, Math.min(size, LARGEST_PAGE)));
        return notifications.of(me.getId(), unreadOnly, request).stream()
                .map(notification -> new NotificationView(notification.id(), notification.kind(),
                        text.of(notification, locale), notification.link(), notification.createdAt(),
                        notification.read()))
                .toList();
    }

    /** 204; marking a notification read twice changes nothing. */
    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me) {
        notifications.open(me.getId(), id);
        return ResponseEntity.noContent().build();
    }

    record NotificationView(long id, NotificationKind kind, String text, String link, Instant createdAt,
            boolean read) {
    }
}
