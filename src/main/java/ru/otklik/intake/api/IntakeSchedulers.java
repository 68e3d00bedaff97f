package ru.otklik.intake.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * ЦУР's webhook outbox gets a scheduler thread of its own: a callback server that hangs holds up only the webhook,
 * never the sweep or the calendar refresh. Shutdown does not wait for a notice in flight (the timeouts bound it
 * anyway); one cut off is sent again once its claim lapses.
 */
@Configuration(proxyBeanMethods = false)
class IntakeSchedulers {

    static final String WEBHOOK = "curWebhookScheduler";

    @Bean(WEBHOOK)
    ThreadPoolTaskScheduler curWebhookScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler() {
            @Override
            public void stop(Runnable callback) {
                super.stop(() -> {});
                callback.run();
            }
        };
        scheduler.setThreadNamePrefix("cur-webhook-");
        scheduler.setDaemon(true);
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.setAwaitTerminationSeconds(0);
        return scheduler;
    }
}
