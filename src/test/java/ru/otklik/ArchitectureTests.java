package ru.otklik;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The two hearts of Otklik stay pure Java: the working-time arithmetic knows nothing of Spring, databases or clocks.
 */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ru.otklik");

    @Test
    void workingTimeArithmeticIsPureJava() {
        noClasses().that().resideInAPackage("ru.otklik.calendar")
                .and().haveSimpleNameNotEndingWith("WorkingTime")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
                        "ru.otklik.calendar.store..", "ru.otklik.calendar.web..")
                .check(classes);
    }

    @Test
    void workingTimeArithmeticNeverReadsTheClock() {
        noClasses().that().resideInAPackage("ru.otklik.calendar")
                .and().haveSimpleNameNotEndingWith("WorkingTime")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .check(classes);
    }
}
