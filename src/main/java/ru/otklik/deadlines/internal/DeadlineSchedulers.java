package ru.otklik.deadlines.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The sweep and the e-mail outbox each get a scheduler thread of their own, apart from Spring's default one (the
 * calendar refresh): a mail server that hangs can hold up the outbox, never the sweep. Tasks are referred to by
 * bean name in {@code @Scheduled(scheduler = …)}.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineSchedulers {

    static final String SWEEP = "sweepScheduler";
    static final String MAIL = "mailScheduler";

    /** A sweep in progress is short SQL: shutdown lets it finish, for at most 10 seconds. */
    @Bean(SWEEP)
    ThreadPoolTaskScheduler sweepScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("sweep-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        return scheduler;
    }

    /**
     * The outbox talks to a server outside Otklik, so shutdown does not wait for it: the lifecycle stop returns at
     * once instead of waiting for the send in flight (whose conversation the SMTP timeouts bound anyway), the thread
     * is interrupted and is a daemon thread. A message cut off this way is sent again once its claim lapses.
     */
    @Bean(MAIL)
    ThreadPoolTaskScheduler mailScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler() {
            @Override
            public void stop(Runnable callback) {
                super.stop(() -> {});
                callback.run();
            }
        };
        scheduler.setThreadNamePrefix("mail-outbox-");
        scheduler.setDaemon(true);
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.setAwaitTerminationSeconds(0);
        return scheduler;
    }
}
