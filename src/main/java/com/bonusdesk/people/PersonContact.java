package com.bonusdesk.people;

/** How a person is reached: their mail address (none: only in the app) and the language they read mail in. */
public record PersonContact(long id, String username, String displayName, String email, String language,
        boolean active) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
