package com.bonusdesk.people;

import java.util.EnumSet;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.BonusDeskProperties;
import com.bonusdesk.DemoMode;

/**
 * Makes sure somebody can sign in: the demo accounts in demo mode, otherwise the first administrator from
 * {@code BONUSDESK_ADMIN_USERNAME} / {@code BONUSDESK_ADMIN_PASSWORD} while there is no administrator yet.
 * Both are idempotent, so a restart adds nothing.
 */
@Slf4j
@Component
@Order(1)
@RequiredArgsConstructor
class AccountSeeder implements ApplicationRunner {

    static final String SYSTEM = "system";

    private final DemoMode demoMode;
    private final BonusDeskProperties properties;
    private final PersonRepository people;
    private final PersonService personService;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (demoMode.isEnabled()) {
            seedDemoAccounts();
        } else {
            seedFirstAdministrator();
        }
    }

    private void seedDemoAccounts() {
        String passwordHash = null;
        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            if (people.existsByUsername(account.username())) {
                continue;
            }
            Person manager = account.managerUsername() == null ? null
                    : people.findByUsername(account.managerUsername()).orElse(null);
            if (passwordHash == null) {
                passwordHash = personService.hash(DemoAccounts.PASSWORD);
            }
            personService.enrolHashed(account.username(), passwordHash, account.displayName(),
                    account.employeeNumber(), account.department(), manager, account.roles(), SYSTEM);
        }
        log.info("Demo mode: sign in as any of {} with password {}",
                DemoAccounts.ALL.stream().map(DemoAccounts.DemoAccount::username).toList(), DemoAccounts.PASSWORD);
    }

    private void seedFirstAdministrator() {
        if (people.existsActiveWithRole(Role.ADMIN)) {
            return;
        }
        BonusDeskProperties.Admin admin = properties.admin();
        if (!admin.isGiven()) {
            log.warn("No administrator exists: set BONUSDESK_ADMIN_USERNAME and BONUSDESK_ADMIN_PASSWORD "
                    + "and restart to create the first one");
            return;
        }
        String username = PersonDetailsService.normalise(admin.username());
        if (people.existsByUsername(username)) {
            log.warn("No active administrator exists, and {} is already taken by someone else", username);
            return;
        }
        if (!username.matches(PersonForm.USERNAME_PATTERN)) {
            throw new IllegalStateException("BONUSDESK_ADMIN_USERNAME must be 3 to 32 lower-case letters, digits, "
                    + "'.', '_' or '-'");
        }
        if (!PersonFormValidator.acceptablePassword(admin.password())) {
            throw new IllegalStateException("BONUSDESK_ADMIN_PASSWORD must be 8 to 72 bytes long");
        }
        personService.enrol(username, admin.password(), username, null, null, null,
                EnumSet.of(Role.ADMIN), SYSTEM);
        log.info("Created the first administrator, {}", username);
    }
}
