package com.bonusdesk.people;

/** What a person may do. A person may hold several roles. */
public enum Role {
    SALES,
    MANAGER,
    DIRECTOR,
    HR,
    FINANCE,
    ADMIN;

    /** The Spring Security authority, e.g. {@code ROLE_SALES}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
