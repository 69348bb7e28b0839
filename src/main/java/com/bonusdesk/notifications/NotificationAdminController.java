package com.bonusdesk.notifications;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.people.PersonContact;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.Pages;

/**
 * Administrators see what the outbox holds at {@code /admin/notifications}: how much waits, what failed and why,
 * with a retry for messages given up on; and they set each team's group robot.
 */
@Controller
@RequestMapping("/admin/notifications")
@RequiredArgsConstructor
class NotificationAdminController {

    private static final int PAGE_SIZE = 20;

    private final Outbox outbox;
    private final TeamWebhooks webhooks;
    private final PersonService people;
    private final Notifications notifications;
    private final Clock clock;

    @GetMapping
    String page(@RequestParam(name = "state", defaultValue = "") String state,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        model.addAttribute("health", outbox.health());
        model.addAttribute("messages", outbox.list(state, PageRequest.of(Pages.index(page), PAGE_SIZE)));
        model.addAttribute("state", state);
        model.addAttribute("mailEnabled", notifications.mailEnabled());
        List<TeamWebhook> teams = webhooks.all();
        model.addAttribute("webhooks", teams);
        List<Long> managerIds = new ArrayList<>(people.activeIdsWithRole(Role.MANAGER));
        managerIds.addAll(people.activeIdsWithRole(Role.DIRECTOR));
        Map<Long, PersonContact> managers = people.contacts(managerIds);
        teams.forEach(team -> managers.computeIfAbsent(team.managerId(),
                id -> people.contacts(List.of(id)).get(id)));
        model.addAttribute("managers", managers);
        model.addAttribute("services", TeamWebhook.Service.values());
        return "notifications/admin";
    }

    @PostMapping("/webhooks")
    String setWebhook(@RequestParam(name = "managerId", required = false) Long managerId,
            @RequestParam(name = "service", required = false) TeamWebhook.Service service,
            @RequestParam(name = "url", defaultValue = "") String url, Principal principal,
            RedirectAttributes redirect) {
        if (managerId == null) {
            throw new Refusal.InvalidInput("managerId", "webhook.manager.required");
        }
        webhooks.set(managerId, service, url, principal.getName());
        redirect.addFlashAttribute("success", "webhook.saved");
        return "redirect:/admin/notifications";
    }

    @PostMapping("/webhooks/{id}/removal")
    String removeWebhook(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        webhooks.remove(id, principal.getName());
        redirect.addFlashAttribute("success", "webhook.removed");
        return "redirect:/admin/notifications";
    }

    @PostMapping("/messages/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        if (!outbox.retry(id, clock.instant())) {
            throw new Refusal.WrongState("outbox.retry.sent");
        }
        redirect.addFlashAttribute("success", "outbox.retried");
        return "redirect:/admin/notifications";
    }
}
