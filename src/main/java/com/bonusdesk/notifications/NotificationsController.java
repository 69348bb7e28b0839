package com.bonusdesk.notifications;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.people.PersonContact;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.web.Pages;

/**
 * Each person's notifications at {@code /notifications}: newest first, opened from the bell; and their choice of
 * what reaches them by which channel, with the address and language of their mail.
 */
@Controller
@RequestMapping("/notifications")
@RequiredArgsConstructor
class NotificationsController {

    private static final int PAGE_SIZE = 20;

    private final Notifications notifications;
    private final PersonService people;

    @GetMapping
    String list(@RequestParam(name = "unread", defaultValue = "false") boolean unreadOnly,
            @RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal PersonPrincipal me,
            Model model) {
        model.addAttribute("notifications",
                notifications.of(me.getId(), unreadOnly, PageRequest.of(Pages.index(page), PAGE_SIZE)));
        model.addAttribute("unreadOnly", unreadOnly);
        return "notifications/list";
    }

    /** Opens what the notification tells of, marking it read. */
    @GetMapping("/{id}")
    String open(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me) {
        return "redirect:" + notifications.open(me.getId(), id).link();
    }

    @PostMapping("/read")
    String markAllRead(@AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        redirect.addFlashAttribute("success", "notifications.allRead");
        redirect.addFlashAttribute("successArgs", List.of(notifications.markAllRead(me.getId())));
        return "redirect:/notifications";
    }

    @GetMapping("/settings")
    String settings(@AuthenticationPrincipal PersonPrincipal me, Model model) {
        PersonContact contact = people.contacts(List.of(me.getId())).get(me.getId());
        Set<String> on = new HashSet<>();
        Set<Preferences.Choice> off = notifications.turnedOff(me.getId());
        for (NotificationKind kind : NotificationKind.values()) {
            for (Channel channel : Channel.values()) {
                if (!off.contains(new Preferences.Choice(kind, channel))) {
                    on.add(kind + ":" + channel);
                }
            }
        }
        model.addAttribute("contact", contact);
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("on", on);
        model.addAttribute("mailEnabled", notifications.mailEnabled());
        return "notifications/settings";
    }

    @PostMapping("/settings")
    String saveSettings(@RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "language", defaultValue = "zh-CN") String language,
            @RequestParam(name = "on", required = false) List<String> on,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        Set<String> chosen = on == null ? Set.of() : new HashSet<>(on);
        Set<Preferences.Choice> off = new HashSet<>();
        for (NotificationKind kind : NotificationKind.values()) {
            for (Channel channel : EnumSet.allOf(Channel.class)) {
                if (!chosen.contains(kind + ":" + channel)) {
                    off.add(new Preferences.Choice(kind, channel));
                }
            }
        }
        people.changeContact(me.getId(), email, language, me.getUsername());
        notifications.turnOff(me.getId(), off);
        redirect.addFlashAttribute("success", "notifications.settings.saved");
        return "redirect:/notifications/settings";
    }
}
