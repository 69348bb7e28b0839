package com.bonusdesk.people;

/** What a person may do. A person may hold several roles. */
public enum Role {
    SALES,
    MANAGER,
    DIRECTOR,
    HR,
    FINANCE,
    ADMIN,
    /** A partner (合作伙伴) outside the company: refers clients and is paid to their bank account. */
    PARTNER;

    /** Spring Security's expression for the company's own people: any role but {@link #PARTNER}. */
    public static final String EMPLOYEES = "hasAnyRole('SALES', 'MANAGER', 'DIRECTOR', 'HR', 'FINANCE', 'ADMIN')";

    /** The roles of the company's own people, who may file new-client claims. */
    public static Role[] employees() {
        return java.util.Arrays.stream(values()).filter(role -> role != PARTNER).toArray(Role[]::new);
    }

    /** The Spring Security authority, e.g. {@code ROLE_SALES}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
