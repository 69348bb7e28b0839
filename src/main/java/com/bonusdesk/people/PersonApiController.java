package com.bonusdesk.people;

import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bonusdesk.web.Pages;

/** The people list for administrators' tools, e.g. to reconcile with an HR system. */
@RestController
@RequestMapping("/api/v1/people")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class PersonApiController {

    private static final int PAGE_SIZE = 100;

    private final PersonService personService;

    @GetMapping
    PersonPage list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", defaultValue = "0") int page) {
        Page<Person> people = personService.search(query,
                PageRequest.of(Pages.index(page), PAGE_SIZE, Sort.by("username")));
        return new PersonPage(people.getContent().stream().map(PersonView::of).toList(), people.getNumber(),
                people.getTotalPages(), people.getTotalElements());
    }

    record PersonPage(List<PersonView> people, int page, int totalPages, long totalElements) {
    }

    record PersonView(long id, String username, String displayName, String employeeNumber, String department,
            String manager, Set<Role> roles, boolean active) {

        static PersonView of(Person person) {
            return new PersonView(person.getId(), person.getUsername(), person.getDisplayName(),
                    person.getEmployeeNumber(), person.getDepartment(),
                    person.getManager() == null ? null : person.getManager().getUsername(),
                    person.getRoles(), person.isActive());
        }
    }
}
