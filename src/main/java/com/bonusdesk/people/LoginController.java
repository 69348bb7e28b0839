package com.bonusdesk.people;

import java.security.Principal;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.bonusdesk.DemoMode;

/** The sign-in page; in demo mode it lists the demo accounts so that anyone can try each role. */
@Controller
@RequiredArgsConstructor
class LoginController {

    private final DemoMode demoMode;

    @GetMapping("/login")
    String login(Principal principal, Model model) {
        if (principal != null) {
            return "redirect:/";
        }
        if (demoMode.isEnabled()) {
            model.addAttribute("demoAccounts", DemoAccounts.ALL);
            model.addAttribute("demoPassword", DemoAccounts.PASSWORD);
        }
        return "people/login";
    }
}
