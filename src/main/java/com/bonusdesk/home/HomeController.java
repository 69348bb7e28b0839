package com.bonusdesk.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Each person lands here after signing in and sees, per role, what is waiting for them. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home/home";
    }
}
