package ru.otklik.web;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;
import ru.otklik.support.BenchmarkOptions;
import ru.otklik.support.ChildApplication;
import ru.otklik.support.CpuMeter;

/**
 * Live pages benchmark (SPEC §7: a hand-off reaches the open page of the person who must act within 1 s on loopback,
 * with 1,000 pages subscribed to live updates on one instance). Starts a fresh embedded PostgreSQL and Otklik in a
 * JVM of its own (so the figures of its heap and threads are Otklik's alone), creates 1,000 executors in one
 * department and logs each in, opens one live stream ({@code GET /live}) per person, then has the org specialist
 * route new posts one by one, each to another of them, through the routing form, and times each hand-off from the
 * routing request's start to the toast's arrival on that person's stream. Prints the latency percentiles, the heap
 * and threads Otklik holds before and with the streams open, and whether the streams are let go once closed.
 *
 * <p>Options (defaults shown): {@code --pages=1000 --handoffs=200 --warmup=30 --interval-ms=200 --xmx=768m}. See
 * docs/PERFORMANCE.md for the command.
 */
public final class LiveBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern POST_LINK = Pattern.compile("/posts/(\\d+)\"");
    private static final String METRICS_PASSWORD = "live-benchmark-metrics";

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ChildApplication app;
    private final CpuMeter cpu;
    /** The arrival of each post's hand-off: on which page (person index) and when. */
    private final Map<Long, long[]> arrivals = new ConcurrentHashMap<>();

    private final AtomicLong wrongPage = new AtomicLong();
    private final Map<Long, Integer> expectedPage = new ConcurrentHashMap<>();

    /** Otklik's threads by their Linux name: the request threads and the two that serve every live stream. */
    private static String threadGroup(String name) {
        if (name.startsWith("http-nio")) {
            return "Otklik request threads";
        }
        if (name.startsWith("otklik-live")) {
            return "live writer and listener";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT compiler";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "garbage collector";
        }
        return null;
    }

    private LiveBenchmark(ChildApplication app, CpuMeter cpu) {
        this.cpu = cpu;
        this.app = app;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkOptions.parse(args);
        int pages = Integer.parseInt(options.getOrDefault("pages", "1000"));
        int handOffs = Integer.parseInt(options.getOrDefault("handoffs", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
        long interval = Long.parseLong(options.getOrDefault("interval-ms", "200"));
        String xmx = options.getOrDefault("xmx", "768m");

        Path work = Files.createTempDirectory("otklik-live-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setServerConfig("timezone", "UTC")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_utility", "off")
                .start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ChildApplication app = ChildApplication.start(
                    work.resolve("otklik.log"),
                    List.of("-Xmx" + xmx, "-Xshare:auto"),
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--otklik.metrics.password=" + METRICS_PASSWORD)) {
                app.awaitReady(Duration.ofMinutes(5));
                System.out.println(
                        "LIVE BENCHMARK Otklik started, pid " + app.process().pid() + ", -Xmx" + xmx);
                long postmaster =
                        Long.parseLong(Files.readAllLines(work.resolve("pg").resolve("postmaster.pid"))
                                .get(0)
                                .strip());
                new LiveBenchmark(app, CpuMeter.ofProcess(app.process().pid(), postmaster, LiveBenchmark::threadGroup))
                        .run(url, pages, handOffs, warmup, interval);
            }
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /** Runs one statement on the benchmark's database, as its superuser, and gives its single number. */
    private static long statements(String jdbcUrl, String sql) throws java.sql.SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            if (sql.contains("reset")) {
                connection.createStatement().execute("create extension if not exists pg_stat_statements");
                connection.createStatement().execute(sql);
                return 0;
            }
            var result = connection.createStatement().executeQuery(sql);
            result.next();
            return result.getLong(1);
        }
    }

    private void run(String jdbcUrl, int pages, int handOffs, int warmup, long interval) throws Exception {
        long department;
        List<Long> people;
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            department = db.queryForObject(
                    "insert into department (name) values ('Отдел нагрузочного теста') returning id", Long.class);
            db.update("""
                    insert into app_user (login, full_name, password_hash)
                    select 'live' || lpad(n::text, 5, '0'), 'Исполнитель ' || n,
                           (select password_hash from app_user where login = 'executor')
                    from generate_series(1, ?) n""", pages);
            db.update(
                    "insert into user_role (user_id, role) select id, 'EXECUTOR' from app_user where login like 'live%'");
            db.update(
                    "insert into department_executor (department_id, user_id) select ?, id from app_user "
                            + "where login like 'live%'",
                    department);
            people = db.queryForList("select id from app_user where login like 'live%' order by login", Long.class);
        }

        long started = System.nanoTime();
        List<String> sessions = loginAll(pages);
        System.out.printf("LIVE BENCHMARK %d people logged in (%d s)%n", pages, seconds(started));
        String[] specialist = specialistSession();

        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < warmup + handOffs; i++) {
            HttpResponse<String> answer = app.postMessage("LIVE-BENCH-" + i);
            if (answer.statusCode() != 201) {
                throw new IllegalStateException(
                        "ЦУР's post not registered: " + answer.statusCode() + " " + answer.body());
            }
        }
        Map<String, Long> ids = new ConcurrentHashMap<>();
        Map<Long, Long> versions = new ConcurrentHashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            db.query(
                    "select id, external_id, version from post where external_id like 'LIVE-BENCH-%'",
                    rs -> {
                        ids.put(rs.getString("external_id"), rs.getLong("id"));
                        versions.put(rs.getLong("id"), rs.getLong("version"));
                    });
        }
        for (int i = 0; i < warmup + handOffs; i++) {
            posts.add(ids.get("LIVE-BENCH-" + i));
        }

        Footprint before = footprint();
        List<Lines> streams = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            streams.add(new Lines(page));
        }
        started = System.nanoTime();
        // pages open in waves of 50, as people come to work, not all within the same millisecond; a stream refused
        // (the pool busy) is opened again, as the browser's EventSource does
        List<Lines> waiting = new ArrayList<>(streams);
        int refused = 0;
        for (int attempt = 0; attempt < 5 && !waiting.isEmpty(); attempt++) {
            List<Lines> again = new ArrayList<>();
            for (int from = 0; from < waiting.size(); from += 50) {
                List<Lines> wave = waiting.subList(from, Math.min(waiting.size(), from + 50));
                for (Lines lines : wave) {
                    lines.open(sessions.get(lines.page));
                }
                for (Lines lines : wave) {
                    if (lines.status.get(30, TimeUnit.SECONDS) != 200) {
                        again.add(lines);
                    }
                }
            }
            refused += again.size();
            waiting = again;
        }
        if (!waiting.isEmpty()) {
            throw new IllegalStateException(waiting.size() + " streams did not open");
        }
        System.out.printf(
                "LIVE BENCHMARK %d streams open (%d s; %d refused once and opened again)%n",
                pages, seconds(started), refused);
        Thread.sleep(2000);
        Footprint with = footprint();

        List<Long> latencies = new ArrayList<>();
        List<Long> requests = new ArrayList<>();
        int missing = 0;
        CpuMeter.Snapshot cpuBefore = null;
        for (int i = 0; i < warmup + handOffs; i++) {
            if (i == warmup) {
                statements(jdbcUrl, "select pg_stat_statements_reset()");
                cpuBefore = cpu.snapshot();
            }
            long post = posts.get(i);
            int page = (int) ((i * 7L) % pages);
            expectedPage.put(post, page);
            String body = "version=" + versions.get(post) + "&assignTo=" + department + ":" + people.get(page)
                    + "&_csrf=" + URLEncoder.encode(specialist[1], StandardCharsets.UTF_8);
            long sent = System.nanoTime();
            HttpResponse<String> routed = http.send(
                    HttpRequest.newBuilder(app.uri("/posts/" + post + "/route"))
                            .header("Cookie", specialist[0])
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (routed.statusCode() != 302) {
                throw new IllegalStateException("routing refused: " + routed.statusCode() + " " + routed.body());
            }
            long deadline = answered + TimeUnit.SECONDS.toNanos(5);
            while (!arrivals.containsKey(post) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            long[] arrival = arrivals.get(post);
            if (i >= warmup) {
                requests.add(answered - sent);
                if (arrival == null) {
                    missing++;
                } else {
                    latencies.add(arrival[1] - sent);
                }
            }
            Thread.sleep(interval);
        }

        CpuMeter.Snapshot cpuAfter = cpu.snapshot();
        long statements = statements(
                jdbcUrl,
                "select coalesce(sum(calls), 0) from pg_stat_statements where query not like '%pg_stat%'"
                        + " and dbid = (select oid from pg_database where datname = current_database())");

        Collections.sort(latencies);
        Collections.sort(requests);
        System.out.printf(
                "LIVE BENCHMARK %d hand-offs measured (after %d to warm up), each to one of %d open pages%n",
                handOffs, warmup, pages);
        System.out.printf(
                "LIVE BENCHMARK delivery (routing request start -> toast on the page): p50 %.1f ms, p95 %.1f ms, "
                        + "max %.1f ms; missing %d; on a wrong page %d%n",
                ms(percentile(latencies, 50)),
                ms(percentile(latencies, 95)),
                ms(latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1)),
                missing,
                wrongPage.get());
        System.out.printf(
                "LIVE BENCHMARK the routing request itself: p50 %.1f ms, p95 %.1f ms%n",
                ms(percentile(requests, 50)), ms(percentile(requests, 95)));
        System.out.printf(
                "LIVE BENCHMARK per hand-off (the routing request, its delivery, and the %d streams' heartbeats"
                        + " meanwhile): %.1f SQL statements; CPU ms (2 cores = 2,000 ms per second):%n",
                pages, statements / (double) handOffs);
        CpuMeter.perOperation(cpuBefore, cpuAfter, handOffs)
                .forEach((group, value) -> System.out.printf("LIVE BENCHMARK   %-28s %6.2f%n", group, value));
        System.out.printf(
                "LIVE BENCHMARK Otklik before the streams: heap %d MiB after GC, %d threads, %d streams%n",
                before.heapKib / 1024, before.threads, before.streams);
        System.out.printf(
                "LIVE BENCHMARK Otklik with %d streams: heap %d MiB after GC (+%d KiB, %.1f KiB per stream), "
                        + "%d threads (+%d), %d streams%n",
                pages,
                with.heapKib / 1024,
                with.heapKib - before.heapKib,
                (with.heapKib - before.heapKib) / (double) pages,
                with.threads,
                with.threads - before.threads,
                with.streams);

        streams.forEach(Lines::close);
        long closed = System.nanoTime();
        long left = -1;
        while (System.nanoTime() - closed < TimeUnit.SECONDS.toNanos(90)) {
            left = streamsOpen();
            if (left == 0) {
                break;
            }
            Thread.sleep(1000);
        }
        System.out.printf("LIVE BENCHMARK streams still held %d s after the pages closed: %d%n", seconds(closed), left);
    }

    private List<String> loginAll(int pages) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> logins = new ArrayList<>();
        for (int n = 1; n <= pages; n++) {
            String login = "live" + String.format("%05d", n);
            logins.add(pool.submit(() -> login(login)[0]));
        }
        List<String> sessions = new ArrayList<>();
        for (Future<String> login : logins) {
            sessions.add(login.get());
        }
        pool.shutdown();
        return sessions;
    }

    /** Logs in with the demo password: the session cookie's value and the CSRF cookie of the login. */
    private String[] login(String login) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(app.uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String xsrf = cookie(form, "XSRF-TOKEN");
        Matcher csrf = CSRF.matcher(form.body());
        if (xsrf == null || !csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpResponse<String> done = http.send(
                HttpRequest.newBuilder(app.uri("/login"))
                        .header("Cookie", "XSRF-TOKEN=" + xsrf)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + login + "&password=demo&_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String session = cookie(done, "SESSION");
        if (done.statusCode() != 302 || session == null) {
            throw new IllegalStateException("login of " + login + " failed: " + done.statusCode());
        }
        return new String[] {session, xsrf};
    }

    /** The specialist's cookies and a CSRF token of one of their pages, for the routing form. */
    private String[] specialistSession() throws IOException, InterruptedException {
        String session = login("specialist")[0];
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(app.uri("/inbox"))
                        .header("Cookie", "SESSION=" + session)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String xsrf = cookie(page, "XSRF-TOKEN");
        Matcher csrf = CSRF.matcher(page.body());
        if (xsrf == null || !csrf.find()) {
            throw new IllegalStateException("no CSRF token on the specialist's inbox: " + page.statusCode());
        }
        return new String[] {"SESSION=" + session + "; XSRF-TOKEN=" + xsrf, csrf.group(1)};
    }

    private static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                String value = header.substring(
                        name.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** Otklik's heap after a full GC (jcmd), its threads (/proc) and its open streams (its metrics). */
    private record Footprint(long heapKib, long threads, long streams) {}

    private Footprint footprint() throws Exception {
        long pid = app.process().pid();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, String.valueOf(pid), "GC.run");
        String heap = run(jcmd, String.valueOf(pid), "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
        long heapKib = used.find() ? Long.parseLong(used.group(1)) : -1;
        long threads = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("Threads:"))
                .mapToLong(line -> Long.parseLong(line.substring(8).strip()))
                .findFirst()
                .orElse(-1);
        return new Footprint(heapKib, threads, streamsOpen());
    }

    private long streamsOpen() throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(app.uri("/actuator/prometheus"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(("prometheus:" + METRICS_PASSWORD)
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher gauge = Pattern.compile("(?m)^otklik_live_streams(?:\\{[^}]*})? ([0-9.]+)")
                .matcher(metrics.body());
        return gauge.find() ? (long) Double.parseDouble(gauge.group(1)) : -1;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    /** One page's stream, read line by line on the HTTP client's own threads (no thread per stream). */
    private final class Lines implements Flow.Subscriber<String> {

        private final int page;
        /** The status of the stream's answer: 200 when it is open. */
        private volatile java.util.concurrent.CompletableFuture<Integer> status;

        private volatile Flow.Subscription subscription;
        private String event;
        private String data;

        Lines(int page) {
            this.page = page;
        }

        void open(String session) {
            java.util.concurrent.CompletableFuture<Integer> answered = new java.util.concurrent.CompletableFuture<>();
            status = answered;
            http.sendAsync(
                    HttpRequest.newBuilder(app.uri("/live"))
                            .header("Accept", "text/event-stream")
                            .header("Cookie", "SESSION=" + session)
                            .GET()
                            .build(),
                    info -> {
                        answered.complete(info.statusCode());
                        return info.statusCode() == 200
                                ? HttpResponse.BodySubscribers.fromLineSubscriber(this)
                                : HttpResponse.BodySubscribers.discarding();
                    });
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (line.isEmpty()) {
                if ("handoff".equals(event) && data != null) {
                    Matcher link = POST_LINK.matcher(data);
                    if (link.find()) {
                        long post = Long.parseLong(link.group(1));
                        Integer expected = expectedPage.get(post);
                        if (expected != null && expected != page) {
                            wrongPage.incrementAndGet();
                        }
                        arrivals.putIfAbsent(post, new long[] {page, now});
                    }
                }
                event = null;
                data = null;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data = line.substring(5);
            }
        }

        @Override
        public void onError(Throwable failure) {
            // the stream ended (closed by the benchmark at the end)
        }

        @Override
        public void onComplete() {}

        void close() {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
