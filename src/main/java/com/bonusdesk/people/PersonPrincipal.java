package com.bonusdesk.people;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as Spring Security holds it; templates read {@code displayName} from it. */
public final class PersonPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean active;
    private String passwordHash;

    PersonPrincipal(Person person) {
        this.id = person.getId();
        this.username = person.getUsername();
        this.displayName = person.getDisplayName();
        this.roles = person.getRoles();
        this.active = person.isActive();
        this.passwordHash = person.getPasswordHash();
    }

    private PersonPrincipal(PersonPrincipal person, Set<Role> roles) {
        this.id = person.id;
        this.username = person.username;
        this.displayName = person.displayName;
        this.roles = roles;
        this.active = person.active;
        this.passwordHash = null;
    }

    /** The same person acting with only those of their roles that are in {@code allowed} (an API token's scope). */
    public PersonPrincipal within(Set<Role> allowed) {
        Set<Role> kept = EnumSet.noneOf(Role.class);
        roles.stream().filter(allowed::contains).forEach(kept::add);
        return new PersonPrincipal(this, kept);
    }

    public long getId() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Set<Role> getRoles() {
        return roles;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = roles.stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    /** Equal by username, so that the session registry finds all sessions of one person. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PersonPrincipal that && username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
