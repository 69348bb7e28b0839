package com.bonusdesk.people;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.BatchSize;

/**
 * A person who signs in to Bonus Desk. People are never deleted: a person who leaves is deactivated, so
 * that everything they claimed, approved or were paid keeps its name.
 */
@Entity
@Table(name = "person")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String passwordHash;

    private String displayName;

    private String employeeNumber;

    private String department;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    private Person manager;

    private boolean active;

    /** Where a partner is paid; employees are paid by payroll and need none. */
    private String bankName;

    private String bankAccount;

    /** Where mail for this person goes; none means they are told only in the app. */
    private String email;

    /** Their own mobile number, so that the fraud review recognises them on the other side of a deal. */
    private String mobile;

    /** The language their mail is written in: {@code zh-CN} or {@code en}. */
    private String language = "zh-CN";

    @Version
    private long version;

    private Instant createdAt;

    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 50)
    private Set<Role> roles = new HashSet<>();

    Person(String username, String passwordHash, String displayName, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(String displayName, String employeeNumber, String department, Instant now) {
        this.displayName = displayName;
        this.employeeNumber = employeeNumber;
        this.department = department;
        this.updatedAt = now;
    }

    void assignRoles(Set<Role> roles, Instant now) {
        this.roles.clear();
        this.roles.addAll(roles);
        this.updatedAt = now;
    }

    /** Sets the reporting line; refuses a manager who already reports, directly or not, to this person. */
    void reportTo(Person newManager, Instant now) {
        if (newManager != null && (newManager == this || newManager.reportsTo(this))) {
            throw new IllegalArgumentException(username + " cannot report to " + newManager.getUsername());
        }
        this.manager = newManager;
        this.updatedAt = now;
    }

    void payTo(String bankName, String bankAccount, Instant now) {
        this.bankName = bankName;
        this.bankAccount = bankAccount;
        this.updatedAt = now;
    }

    void reachAt(String email, String language, Instant now) {
        this.email = email;
        this.language = language;
        this.updatedAt = now;
    }

    void callAt(String mobile, Instant now) {
        this.mobile = mobile;
        this.updatedAt = now;
    }

    /** The bank account as screens show it: only its last four digits. */
    public String maskedBankAccount() {
        return BankAccounts.masked(bankAccount);
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    void activate(Instant now) {
        this.active = true;
        this.updatedAt = now;
    }

    /** Whether {@code other} is somewhere above this person in the reporting line. */
    public boolean reportsTo(Person other) {
        Set<Long> seen = new HashSet<>();
        for (Person boss = manager; boss != null && seen.add(boss.getId()); boss = boss.getManager()) {
            if (boss == other || (boss.getId() != null && boss.getId().equals(other.getId()))) {
                return true;
            }
        }
        return false;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** The facts an auditor compares before and after a change; never the password. */
    String snapshot() {
        return "name=" + displayName
                + "; employeeNumber=" + nullToEmpty(employeeNumber)
                + "; department=" + nullToEmpty(department)
                + "; manager=" + (manager == null ? "" : manager.getUsername())
                + "; roles=" + String.join(",", new TreeSet<>(roles.stream().map(Role::name).toList()))
                + "; email=" + nullToEmpty(email) + "; mobile=" + nullToEmpty(mobile) + "; language=" + language
                + "; bank=" + nullToEmpty(bankName) + " " + nullToEmpty(maskedBankAccount())
                + "; active=" + active;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
