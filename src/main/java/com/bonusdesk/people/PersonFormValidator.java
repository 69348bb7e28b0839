package com.bonusdesk.people;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * All checks on a person form: its constraints, then those that need the database or the editor's identity.
 * When editing, the username must already be the stored one, since it cannot change.
 */
@Component
class PersonFormValidator {

    static final int MIN_PASSWORD_LENGTH = 8;
    /** BCrypt ignores everything after 72 bytes; a longer password would give a false sense of strength. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final PersonRepository people;
    private final SpringValidatorAdapter constraints;

    PersonFormValidator(PersonRepository people, Validator constraints) {
        this.people = people;
        this.constraints = new SpringValidatorAdapter(constraints);
    }

    /**
     * @param editing the person being edited, or null when creating one
     * @param editor username of the administrator filling the form
     */
    @Transactional(readOnly = true)
    void validate(PersonForm form, Person editing, String editor, Errors errors) {
        constraints.validate(form, errors);
        if (editing == null) {
            if (!errors.hasFieldErrors("username") && people.existsByUsername(form.getUsername())) {
                errors.rejectValue("username", "person.username.taken");
            }
            if (!form.hasPassword()) {
                errors.rejectValue("password", "person.password.required");
            }
        }
        if (form.hasPassword() && !acceptablePassword(form.getPassword())) {
            errors.rejectValue("password", "person.password.length",
                    new Object[] {MIN_PASSWORD_LENGTH, MAX_PASSWORD_BYTES}, null);
        }
        String employeeNumber = form.employeeNumberOrNull();
        if (employeeNumber != null && !errors.hasFieldErrors("employeeNumber")) {
            people.findByEmployeeNumber(employeeNumber)
                    .filter(holder -> editing == null || !holder.getId().equals(editing.getId()))
                    .ifPresent(holder -> errors.rejectValue("employeeNumber", "person.employeeNumber.taken",
                            new Object[] {holder.getDisplayName()}, null));
        }
        validateManager(form, editing, errors);
        if (form.getRoles().contains(Role.PARTNER)) {
            if (form.bankNameOrNull() == null && !errors.hasFieldErrors("bankName")) {
                errors.rejectValue("bankName", "person.bankName.required");
            }
            boolean accountOnRecord = editing != null && editing.getBankAccount() != null;
            if (form.bankAccountOrNull() == null && !accountOnRecord && !errors.hasFieldErrors("bankAccount")) {
                errors.rejectValue("bankAccount", "person.bankAccount.required");
            }
        }
        if (form.bankAccountOrNull() != null && form.bankAccountOrNull().length() > 34) {
            errors.rejectValue("bankAccount", "person.bankAccount.pattern");
        }
        if (editing != null && editing.getUsername().equals(editor)) {
            if (editing.hasRole(Role.ADMIN) && !form.getRoles().contains(Role.ADMIN)) {
                errors.rejectValue("roles", "person.roles.ownAdmin");
            }
        }
    }

    private void validateManager(PersonForm form, Person editing, Errors errors) {
        if (form.getManagerId() == null) {
            return;
        }
        Person manager = people.findById(form.getManagerId()).orElse(null);
        if (manager == null || !manager.isActive()) {
            errors.rejectValue("managerId", "person.manager.unknown");
        } else if (editing != null && manager.getId().equals(editing.getId())) {
            errors.rejectValue("managerId", "person.manager.self");
        } else if (editing != null && manager.reportsTo(editing)) {
            errors.rejectValue("managerId", "person.manager.cycle", new Object[] {manager.getDisplayName()}, null);
        }
    }

    static boolean acceptablePassword(String password) {
        return password.length() >= MIN_PASSWORD_LENGTH
                && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }
}
