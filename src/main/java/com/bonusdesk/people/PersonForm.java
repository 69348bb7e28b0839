package com.bonusdesk.people;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/** What an administrator types to create or edit a person. */
@Getter
@Setter
public class PersonForm {

    static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,31}";

    /** An address mail can be sent to: something, an at sign, and a domain with a dot; no spaces. */
    public static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    /** A mainland mobile number: 11 digits starting 13 to 19. */
    static final String MOBILE_PATTERN = "1[3-9][0-9]{9}";

    @NotBlank(message = "{person.username.required}")
    @Pattern(regexp = "^$|" + USERNAME_PATTERN, message = "{person.username.pattern}")
    private String username;

    @NotBlank(message = "{person.displayName.required}")
    @Size(max = 100, message = "{person.displayName.size}")
    private String displayName;

    /** Required when creating; when editing, a value resets the password. */
    private String password;

    @Pattern(regexp = "^$|[A-Za-z0-9-]{1,32}", message = "{person.employeeNumber.pattern}")
    private String employeeNumber;

    @Size(max = 100, message = "{person.department.size}")
    private String department;

    private Long managerId;

    @Size(max = 100, message = "{person.bankName.size}")
    private String bankName;

    /** When editing, blank keeps the account on record, which the form never shows in full. */
    @Pattern(regexp = "^$|[0-9 ]{8,40}", message = "{person.bankAccount.pattern}")
    private String bankAccount;

    @Size(max = 200, message = "{person.email.pattern}")
    @Pattern(regexp = "^$|" + EMAIL_PATTERN, message = "{person.email.pattern}")
    private String email;

    @Pattern(regexp = "^$|" + MOBILE_PATTERN, message = "{person.mobile.pattern}")
    private String mobile;

    @Pattern(regexp = "zh-CN|en", message = "{person.language.unknown}")
    private String language = "zh-CN";

    @NotEmpty(message = "{person.roles.required}")
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    /** The version the administrator saw, so that a concurrent edit is noticed instead of overwritten. */
    private Long version;

    static PersonForm of(Person person) {
        PersonForm form = new PersonForm();
        form.setUsername(person.getUsername());
        form.setDisplayName(person.getDisplayName());
        form.setEmployeeNumber(person.getEmployeeNumber());
        form.setDepartment(person.getDepartment());
        form.setManagerId(person.getManager() == null ? null : person.getManager().getId());
        form.setBankName(person.getBankName());
        form.setEmail(person.getEmail());
        form.setMobile(person.getMobile());
        form.setLanguage(person.getLanguage());
        form.setRoles(person.getRoles());
        form.setVersion(person.getVersion());
        return form;
    }

    public void setUsername(String username) {
        this.username = username == null ? null : username.strip();
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? null : displayName.strip();
    }

    public void setEmployeeNumber(String employeeNumber) {
        this.employeeNumber = employeeNumber == null ? null : employeeNumber.strip();
    }

    public void setDepartment(String department) {
        this.department = department == null ? null : department.strip();
    }

    public void setRoles(Set<Role> roles) {
        this.roles = EnumSet.noneOf(Role.class);
        if (roles != null) {
            // a blank choice binds as no role, not as a role of its own
            roles.stream().filter(Objects::nonNull).forEach(this.roles::add);
        }
    }

    String employeeNumberOrNull() {
        return employeeNumber == null || employeeNumber.isEmpty() ? null : employeeNumber;
    }

    String departmentOrNull() {
        return department == null || department.isEmpty() ? null : department;
    }

    public void setBankName(String bankName) {
        this.bankName = bankName == null ? null : bankName.strip();
    }

    public void setEmail(String email) {
        this.email = email == null ? null : email.strip();
    }

    public void setMobile(String mobile) {
        this.mobile = mobile == null ? null : mobile.replace(" ", "").strip();
    }

    String mobileOrNull() {
        return mobile == null || mobile.isEmpty() ? null : mobile;
    }

    String emailOrNull() {
        return email == null || email.isEmpty() ? null : email;
    }

    String bankNameOrNull() {
        return bankName == null || bankName.isEmpty() ? null : bankName;
    }

    /** The account typed, its digits only; none when left blank. */
    String bankAccountOrNull() {
        String digits = bankAccount == null ? "" : bankAccount.replace(" ", "");
        return digits.isEmpty() ? null : digits;
    }

    boolean hasPassword() {
        return password != null && !password.isEmpty();
    }
}
