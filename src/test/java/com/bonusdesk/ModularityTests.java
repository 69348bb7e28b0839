package com.bonusdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ModularityTests {

    @Test
    void featuresOnlyUseEachOthersPublicApiAndFormNoCycles() {
        ApplicationModules.of(BonusDeskApplication.class).verify();
    }

    @Test
    void theCalculationIsPlainJava() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.bonusdesk.calculation");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..", "com.bonusdesk.web..")
                .check(classes);
    }
}
