package com.bonusdesk.people;

import java.security.Principal;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.Pages;

/** Administrators manage people at {@code /admin/users}. */
@Controller
@RequestMapping("/admin/users")
@RequiredArgsConstructor
class PersonAdminController {

    private static final int PAGE_SIZE = 20;

    private final PersonService personService;
    private final PersonFormValidator validator;

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Page<Person> people = personService.search(query,
                PageRequest.of(Pages.index(page), PAGE_SIZE, Sort.by("username")));
        model.addAttribute("people", people);
        model.addAttribute("q", query == null ? "" : query.strip());
        return "people/list";
    }

    @GetMapping("/new")
    String newPerson(Model model) {
        return showForm(new PersonForm(), null, model);
    }

    @PostMapping
    String create(@ModelAttribute("person") PersonForm form, BindingResult result, Principal principal,
            Model model, RedirectAttributes redirect) {
        validator.validate(form, null, principal.getName(), result);
        if (result.hasErrors()) {
            return showForm(form, null, model);
        }
        Person person = personService.create(form, principal.getName());
        redirect.addFlashAttribute("success", "person.created");
        redirect.addFlashAttribute("successArgs", List.of(person.getDisplayName()));
        return "redirect:/admin/users/" + person.getId();
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Person person = find(id);
        return showForm(PersonForm.of(person), person, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("person") PersonForm form, BindingResult result,
            Principal principal, Model model, RedirectAttributes redirect) {
        Person person = find(id);
        form.setUsername(person.getUsername());
        validator.validate(form, person, principal.getName(), result);
        if (result.hasErrors()) {
            return showForm(form, person, model);
        }
        personService.update(id, form, principal.getName());
        redirect.addFlashAttribute("success", "person.updated");
        redirect.addFlashAttribute("successArgs", List.of(form.getDisplayName()));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        Person person = find(id);
        if (person.getUsername().equals(principal.getName())) {
            redirect.addFlashAttribute("failure", "person.deactivate.self");
            return "redirect:/admin/users/" + id;
        }
        personService.deactivate(id, principal.getName());
        redirect.addFlashAttribute("success", "person.deactivated");
        redirect.addFlashAttribute("successArgs", List.of(person.getDisplayName()));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        Person person = find(id);
        personService.activate(id, principal.getName());
        redirect.addFlashAttribute("success", "person.reactivated");
        redirect.addFlashAttribute("successArgs", List.of(person.getDisplayName()));
        return "redirect:/admin/users/" + id;
    }

    private String showForm(PersonForm form, Person person, Model model) {
        model.addAttribute("person", form);
        model.addAttribute("existing", person);
        model.addAttribute("roles", Role.values());
        model.addAttribute("managers", personService.activePeople().stream()
                .filter(candidate -> person == null || !candidate.getId().equals(person.getId()))
                .toList());
        return "people/form";
    }

    private Person find(long id) {
        return personService.find(id).orElseThrow(Refusal.NotFound::new);
    }
}
