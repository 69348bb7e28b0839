package com.bonusdesk.people;

import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs people in by username; a deactivated person is found but disabled, so sign-in fails. */
@Service
@RequiredArgsConstructor
class PersonDetailsService implements UserDetailsService {

    private final PersonRepository people;

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return people.findByUsername(normalise(username))
                .map(PersonPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such person"));
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
