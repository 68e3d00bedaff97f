package ru.otklik.posts;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.otklik.OtklikApplication;
import ru.otklik.reports.ReportBenchmark;
import ru.otklik.support.TestDatabase;

/**
 * SPEC §7: with 1,000,000 posts (20,000 open), the org specialist's inbox and a post's page answer in under 50 ms
 * at the 95th percentile with 16 concurrent users over loopback. Starts Otklik on a fresh embedded PostgreSQL,
 * seeds the posts with set-based SQL, logs 16 browsers in as the org specialist and has each load the inbox and an
 * open post's page in turn for the given seconds (default 20). Bounded in time; loopback only. See docs/PERFORMANCE.md.
 */
public final class InboxLoadBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int users = 16;
        TestDatabase db = TestDatabase.get();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OtklikApplication.class)
                .properties(
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.username(),
                        "spring.datasource.password=" + db.password(),
                        "server.port=0",
                        "otklik.demo=true",
                        "otklik.sweep.enabled=false",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            ReportBenchmark.seed(jdbc, 1_000_000);
            List<Long> open = jdbc.sql(
                            "select id from post where state = 'IN_WORK' and external_id like 'BENCH-%' limit 5000")
                    .query(Long.class)
                    .list();
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            jdbc.sql("explain (analyze) "
                            + "select p.id from post p where p.state not in ('ANSWERED', 'RETURNED_TO_CUR', "
                            + "'NOT_PROCESSED') order by case when p.state in ('NEW', 'RETURNED_BY_EXECUTOR') then 0 else 1 end, "
                            + "p.received_at asc, p.id limit 25")
                    .query(String.class)
                    .list()
                    .forEach(System.out::println);

            List<HttpClient> browsers = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                browsers.add(login(base));
            }
            ConcurrentLinkedQueue<Long> inbox = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> page = new ConcurrentLinkedQueue<>();
            run(browsers, base, open, 5, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
            run(browsers, base, open, seconds, inbox, page);
            report("inbox (/inbox, first page)", inbox, seconds);
            report("post page (/posts/{id})", page, seconds);
        }
        System.exit(0);
    }

    private static void run(
            List<HttpClient> browsers,
            String base,
            List<Long> open,
            int seconds,
            ConcurrentLinkedQueue<Long> inbox,
            ConcurrentLinkedQueue<Long> page)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(browsers.size());
        for (HttpClient browser : browsers) {
            pool.submit(() -> {
                boolean inboxTurn = true;
                while (System.nanoTime() < end) {
                    String path = inboxTurn
                            ? "/inbox"
                            : "/posts/" + open.get(ThreadLocalRandom.current().nextInt(open.size()));
                    long start = System.nanoTime();
                    HttpResponse<String> response = browser.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .GET()
                                    .header("Accept", "text/html")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                    (inboxTurn ? inbox : page).add(took);
                    inboxTurn = !inboxTurn;
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    }

    private static HttpClient login(String base) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String form = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/login"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String body =
                "username=specialist&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return client;
    }

    private static void report(String what, ConcurrentLinkedQueue<Long> nanos, int seconds) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "%s: %,d requests (%.0f/s); p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what,
                sorted.length,
                sorted.length / (double) seconds,
                at(sorted, 0.50),
                at(sorted, 0.95),
                at(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted.length == 0
                ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
