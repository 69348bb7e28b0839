package com.bonusdesk;

import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules and their boundaries: each uses only the modules it declares ({@code allowedDependencies}) and only
 * their public API, without cycles; the build writes the module documentation (a C4 component diagram and a canvas
 * per module) to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(BonusDeskApplication.class);

    @Test
    void featuresOnlyUseEachOthersPublicApiAndFormNoCycles() {
        MODULES.verify();
    }

    @Test
    void theModulesAreDocumentedInTheBuild() throws Exception {
        Path output = Path.of("target", "spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeDocumentation();
        assertThat(output.resolve("components.puml")).exists();
        assertThat(output.resolve("module-workflow.puml")).exists();
        assertThat(Files.readString(output.resolve("components.puml"))).contains("Ledger", "Workflow", "Refusals");
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
