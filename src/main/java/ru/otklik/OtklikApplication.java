package ru.otklik;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Otklik (Отклик): the Ministry's tool for answering citizens' social-media posts under Приказ № 198.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OtklikApplication {

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(SettingsHelp.text());
            return;
        }
        SpringApplication.run(OtklikApplication.class, args);
    }

    /** The only source of "now" in Otklik; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Spring's default scheduler, for what has no scheduler of its own (the calendar refresh). Declared here because
     * the sweep's and the outbox's own schedulers (see {@code deadlines.DeadlineSchedulers}) make Boot's default one
     * back off.
     */
    @Bean
    ThreadPoolTaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("scheduling-");
        return scheduler;
    }
}
