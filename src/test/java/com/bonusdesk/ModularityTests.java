package com.bonusdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featuresOnlyUseEachOthersPublicApiAndFormNoCycles() {
        ApplicationModules.of(BonusDeskApplication.class).verify();
    }
}
