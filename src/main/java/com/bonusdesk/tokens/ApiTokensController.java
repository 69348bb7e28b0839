package com.bonusdesk.tokens;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.Role;

/**
 * The person's API tokens page: their tokens with last use and status, a form to make one, and revoking. A new
 * token's secret is on the answer to the form and nowhere else: not in a redirect, not in the session.
 */
@Controller
@RequestMapping("/me/tokens")
@RequiredArgsConstructor
class ApiTokensController {

    private final ApiTokens tokens;
    private final Clock clock;

    @GetMapping
    String list(@AuthenticationPrincipal PersonPrincipal me, Model model) {
        return page(me, model);
    }

    @PostMapping
    String issue(@RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "expiresOn", required = false) LocalDate expiresOn,
            @RequestParam(name = "readOnly", defaultValue = "false") boolean readOnly,
            @RequestParam(name = "roles", required = false) List<Role> roles,
            @AuthenticationPrincipal PersonPrincipal me, Model model) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            // a blank choice binds as no role, not as a role of its own
            roles.stream().filter(Objects::nonNull).forEach(chosen::add);
        }
        model.addAttribute("issued", tokens.issue(me, new ApiTokens.Request(name, expiresOn, readOnly, chosen)));
        return page(me, model);
    }

    @PostMapping("/{id}/revocation")
    String revoke(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        tokens.revoke(me, id);
        redirect.addFlashAttribute("success", "token.revoked");
        return "redirect:/me/tokens";
    }

    private String page(PersonPrincipal me, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("tokens", tokens.of(me));
        model.addAttribute("myRoles", me.getRoles());
        model.addAttribute("defaultExpiry", today.plusDays(90));
        model.addAttribute("earliest", today.plusDays(1));
        model.addAttribute("latest", today.plus(ApiTokens.LONGEST));
        return "tokens/list";
    }
}
