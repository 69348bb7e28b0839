package com.bonusdesk.calendar;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators keep holidays and make-up working days at {@code /admin/calendar}, one year at a time. */
@Controller
@RequestMapping("/admin/calendar")
@RequiredArgsConstructor
class CalendarAdminController {

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final CompanyCalendar calendar;
    private final Clock clock;

    @GetMapping
    String year(@RequestParam(name = "year", required = false) Integer requested, Model model) {
        Year year = shownYear(requested);
        CalendarDayForm form = new CalendarDayForm();
        return show(year, form, model);
    }

    @PostMapping
    String add(@Valid @ModelAttribute("day") CalendarDayForm form, BindingResult result, Principal principal,
            Model model, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("date") && form.getDate() != null && form.getKind() != null) {
            calendar.problemAdding(form.getDate(), form.getKind())
                    .ifPresent(problem -> result.rejectValue("date", problem));
        }
        Year year = form.getDate() == null ? Year.now(clock) : shownYear(form.getDate().getYear());
        if (result.hasErrors()) {
            return show(year, form, model);
        }
        calendar.add(form.getDate(), form.getKind(), form.getName(), principal.getName());
        redirect.addFlashAttribute("success", "calendar.added");
        redirect.addFlashAttribute("successArgs", List.of(form.getDate().toString(), form.getName()));
        return "redirect:/admin/calendar?year=" + year.getValue();
    }

    @PostMapping("/remove")
    String remove(@RequestParam("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Principal principal, RedirectAttributes redirect) {
        calendar.remove(date, principal.getName());
        redirect.addFlashAttribute("success", "calendar.removed");
        redirect.addFlashAttribute("successArgs", List.of(date.toString()));
        return "redirect:/admin/calendar?year=" + date.getYear();
    }

    private String show(Year year, CalendarDayForm form, Model model) {
        model.addAttribute("year", year.getValue());
        model.addAttribute("view", YearView.of(year, calendar.exceptionsIn(year), calendar.snapshot()));
        model.addAttribute("exceptions", calendar.exceptionsIn(year));
        model.addAttribute("day", form);
        model.addAttribute("kinds", CalendarDay.Kind.values());
        return "calendar/year";
    }

    private Year shownYear(Integer requested) {
        if (requested == null || requested < FIRST_YEAR || requested > LAST_YEAR) {
            return Year.now(clock);
        }
        return Year.of(requested);
    }
}
