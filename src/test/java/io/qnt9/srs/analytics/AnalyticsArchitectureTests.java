package io.qnt9.srs.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;

/** The analytics module is pure Java: it may use the JDK and nothing else (bar its Modulith marker annotation). */
class AnalyticsArchitectureTests {

    private static final JavaClasses ANALYTICS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qnt9.srs.analytics");

    @Test
    void analyticsDependsOnlyOnTheJdk() {
        classes()
                .that()
                .resideInAPackage("io.qnt9.srs.analytics..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.qnt9.srs.analytics..", "org.springframework.modulith")
                .because("analytics is plain Java over arrays: no Spring, no I/O, no other module")
                .check(ANALYTICS);
    }

    @Test
    void theOnlySpringTypeIsTheModuleAnnotationOnThePackage() {
        noClasses()
                .that()
                .resideInAPackage("io.qnt9.srs.analytics..")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "io.qnt9.srs.analytics..")
                .check(ANALYTICS);
        noClasses()
                .that()
                .resideInAPackage("io.qnt9.srs.analytics..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
                .because("analytics does no I/O")
                .check(ANALYTICS);
    }

    @Test
    void theModuleDeclaresThatItAllowsNoDependencies() {
        ApplicationModule module = getClass().getPackage().getAnnotation(ApplicationModule.class);
        assertThat(module).isNotNull();
        assertThat(module.allowedDependencies()).isEmpty();
        assertThat(ANALYTICS.size()).isGreaterThan(20);
    }
}
