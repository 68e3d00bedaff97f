package ru.otklik;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import ru.otklik.support.Browser;
import ru.otklik.support.ChildApplication;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.TestDatabase;

/**
 * The two hearts of Otklik stay pure Java: the working-time arithmetic knows nothing of Spring, databases or clocks.
 * And the quick unit run ({@code ./mvnw test}) stays quick: a test that starts the application or a PostgreSQL is an
 * {@code *IT}, run by Failsafe in {@code ./mvnw verify}.
 */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ru.otklik");

    @Test
    void workingTimeArithmeticIsPureJava() {
        noClasses()
                .that()
                .resideInAPackage("ru.otklik.calendar")
                .and()
                .haveSimpleNameNotEndingWith("WorkingTime")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta..",
                        "java.sql..",
                        "ru.otklik.calendar.store..",
                        "ru.otklik.calendar.web..")
                .check(classes);
    }

    @Test
    void workingTimeArithmeticNeverReadsTheClock() {
        noClasses()
                .that()
                .resideInAPackage("ru.otklik.calendar")
                .and()
                .haveSimpleNameNotEndingWith("WorkingTime")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(java.time.Clock.class)
                .check(classes);
    }

    @Test
    void testsThatStartTheApplicationOrADatabaseAreIntegrationTests() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("ru.otklik");
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Test")
                .or()
                .haveSimpleNameEndingWith("Tests")
                .and()
                .areNotAnnotations()
                .and()
                .doNotBelongToAnyOf(ArchitectureTests.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(
                        IntegrationTest.class,
                        SpringBootTest.class,
                        SpringApplication.class,
                        SpringApplicationBuilder.class,
                        ChildApplication.class,
                        TestDatabase.class,
                        Browser.class)
                .orShould()
                .beAssignableTo(annotatedWith(IntegrationTest.class))
                .because("surefire runs *Test without a database; failsafe runs *IT")
                .check(tests);
    }
}
