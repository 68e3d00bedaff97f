package ru.otklik.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test on the whole application, on the shared real PostgreSQL, with the demo people seeded and a
 * clock the test controls. Every such test shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "otklik.demo=true",
            "otklik.sweep.enabled=false",
            "otklik.mail.public-url=" + IntegrationTest.PUBLIC_URL,
            "otklik.metrics.password=" + IntegrationTest.METRICS_PASSWORD
        })
@AutoConfigureMockMvc
@Import(TestConfig.class)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface IntegrationTest {

    /** The password of the metrics user {@code prometheus}, who may scrape /actuator/prometheus. */
    String METRICS_PASSWORD = "metrics-test-secret";

    /** The address staff open Otklik at, as e-mails link to it. */
    String PUBLIC_URL = "https://otklik.test/";
}
