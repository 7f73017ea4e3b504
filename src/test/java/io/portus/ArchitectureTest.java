package io.portus;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module rules of docs/architecture.md#module-rules, enforced on every build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.portus");
    }

    @Test
    void storageKnowsNoHttpNoFrameworkAndNoDomain() {
        noClasses().that().resideInAPackage("io.portus.storage..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.servlet..", "org.springframework.web..", "org.springframework.http..",
                        "io.portus.registry..", "io.portus.auth..", "io.portus.account..", "io.portus.team..",
                        "io.portus.namespace..", "io.portus.catalog..", "io.portus.activity..",
                        "io.portus.webhook..", "io.portus.api..", "io.portus.web..")
                .check(classes);
    }

    @Test
    void registryKnowsNothingOfUsersTeamsOrTheUi() {
        noClasses().that().resideInAPackage("io.portus.registry..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.portus.auth..", "io.portus.account..", "io.portus.team..", "io.portus.namespace..",
                        "io.portus.catalog..", "io.portus.activity..", "io.portus.webhook..",
                        "io.portus.api..", "io.portus.web..")
                .check(classes);
    }

    @Test
    void domainModulesNeverImportWebTypes() {
        noClasses().that().resideInAnyPackage("io.portus.account..", "io.portus.team..", "io.portus.namespace..",
                        "io.portus.catalog..", "io.portus.activity..", "io.portus.webhook..", "io.portus.retention..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "jakarta.servlet..", "io.portus.api..", "io.portus.web..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void apiAndWebAreNotDependedOnByOthers() {
        noClasses().that().resideOutsideOfPackages("io.portus.api..", "io.portus.web..", "io.portus")
                .should().dependOnClassesThat().resideInAnyPackage("io.portus.api..", "io.portus.web..")
                .check(classes);
    }

    @Test
    void internalPackagesStayInsideTheirModule() {
        for (String module : new String[] {"registry", "storage", "auth", "account", "team", "namespace",
                "catalog", "activity", "webhook", "notification", "retention", "gc", "rules", "importer"}) {
            noClasses().that().resideOutsideOfPackage("io.portus." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.portus." + module + ".internal..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void configurationIsTypedNotInjectedByValue() {
        noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Value")
                .because("configuration is bound to @ConfigurationProperties records, each key with one default")
                .check(classes);
    }

    @Test
    void modulesDependOnEachOtherWithoutCycles() {
        slices().matching("io.portus.(*)..").should().beFreeOfCycles().check(classes);
    }
}
