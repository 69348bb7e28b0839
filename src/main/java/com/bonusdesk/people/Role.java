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

    /** The Spring Security authority, e.g. {@code ROLE_SALES}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
