package ru.otklik.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.otklik.reports.ReportBenchmark;
import ru.otklik.support.BenchmarkOptions;
import ru.otklik.support.ChildApplication;
import ru.otklik.support.CpuMeter;

/**
 * The load harness of the interactive benchmarks (SPEC §7, issue 20). Three processes, as in production: PostgreSQL
 * 17 (embedded, its data kept in a folder so the seeded database is reused), Otklik in a JVM of its own with the
 * server's JIT (not the tests' quick-start options), and the load generator {@code wrk}. It seeds the 1,000,000 posts
 * of the report benchmark once, logs the users in through the login form, and for each scenario warms up in rounds
 * until two rounds in a row differ by less than 5 % in throughput, then measures. Besides wrk's latencies it reports
 * per request the CPU of Otklik's JVM (by thread group) and of that PostgreSQL (from Linux's {@code /proc}), wrk's
 * own CPU, and the SQL statements and transactions PostgreSQL executed ({@code pg_stat_statements},
 * {@code pg_stat_database}).
 *
 * <p>Options (defaults shown): {@code --scenarios=inbox,post,intake --posts=1000000 --users=16 --seconds=30
 * --round=10 --min-warmup=30 --max-warmup=240 --wrk-threads=2 --data=target/load-db-<posts>}, {@code --jfr=<file>}
 * to record a profile of Otklik with Java Flight Recorder; {@code --scenarios=none} only prepares the database; any
 * {@code --spring.…}, {@code --server.…} or {@code --otklik.…} setting goes to the application. See
 * docs/PERFORMANCE.md for the command.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {}

    /** What one scenario sends: a Lua prelude and request function, and the status every answer should have. */
    private record Scenario(String name, String prelude, String request, int expected) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkOptions.parse(args);
        int posts = Integer.parseInt(options.getOrDefault("posts", "1000000"));
        int users = Integer.parseInt(options.getOrDefault("users", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int round = Integer.parseInt(options.getOrDefault("round", "10"));
        int minWarmup = Integer.parseInt(options.getOrDefault("min-warmup", "30"));
        int maxWarmup = Integer.parseInt(options.getOrDefault("max-warmup", "240"));
        int wrkThreads = Integer.parseInt(options.getOrDefault("wrk-threads", "2"));
        // --scenarios=none only prepares the database (the seeding of a million posts takes minutes)
        List<String> scenarios = List.of(
                        options.getOrDefault("scenarios", "inbox,post,intake").split(","))
                .stream()
                .filter(name -> !name.isBlank() && !name.equals("none"))
                .toList();
        Path data =
                Path.of(options.getOrDefault("data", "target/load-db-" + posts)).toAbsolutePath();
        Wrk.requireInstalled();

        Files.createDirectories(data.getParent());
        boolean reused = Files.exists(data.resolve("postgresql.conf"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "100")
                // durable as in production (the embedded defaults turn fsync off)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_utility", "off")
                .setPGStartupWait(Duration.ofMinutes(2))
                .start()) {
            JdbcClient db = JdbcClient.create(postgres.getPostgresDatabase());
            long postmaster = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            Path log = Files.createTempFile("otklik-load-app", ".log");
            System.out.printf("database %s (%s), application log %s%n", data, reused ? "reused" : "new", log);
            List<String> settings = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--server.address=127.0.0.1",
                    "--logging.level.root=WARN"));
            // Spring and server settings go to the application, e.g. --spring.datasource.hikari.maximum-pool-size=5
            options.forEach((name, value) -> {
                if (name.startsWith("spring.") || name.startsWith("server.") || name.startsWith("otklik.")) {
                    settings.add("--" + name + "=" + value);
                }
            });
            List<String> jvm = new ArrayList<>(List.of("-Xmx2g"));
            if (options.containsKey("jfr")) {
                // a profile of the whole run, for "where does the time go": jfr view hot-methods <file> (JDK 21+)
                jvm.add("-XX:StartFlightRecording=settings=profile,filename="
                        + Path.of(options.get("jfr")).toAbsolutePath());
            }
            try (ChildApplication app = ChildApplication.start(log, jvm, settings.toArray(String[]::new))) {
                app.awaitReady(Duration.ofMinutes(5));
                seed(db, posts);
                db.sql("create extension if not exists pg_stat_statements").update();
                String url = app.uri("").toString();
                List<String> sessions = new ArrayList<>();
                for (int i = 0; i < users; i++) {
                    sessions.add("SESSION=" + app.login("specialist"));
                }
                List<String> open = db.sql("select '/posts/' || id from post where state = 'IN_WORK' "
                                + "and external_id like 'BENCH-%' order by id limit 5000")
                        .query(String.class)
                        .list();
                CpuMeter cpu = CpuMeter.ofProcess(app.process().pid(), postmaster, LoadBenchmark::threadGroup);
                List<String> rows = new ArrayList<>();
                for (String name : scenarios) {
                    Scenario scenario = scenario(name.strip(), sessions, open);
                    warmUp(url, scenario, users, wrkThreads, round, minWarmup, maxWarmup);
                    rows.add(measure(url, scenario, users, wrkThreads, seconds, cpu, db, posts));
                }
                System.out.println();
                System.out.println("| scenario | posts in the database | requests/s | p50 ms | p95 ms | p99 ms "
                        + "| Otklik CPU ms/req (request threads, JIT, GC, other) | PostgreSQL CPU ms/req "
                        + "| wrk CPU ms/req | SQL statements/req | transactions/req |");
                System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
                rows.forEach(System.out::println);
            }
        }
    }

    private static Scenario scenario(String name, List<String> sessions, List<String> openPosts) {
        String pages = """
                local cookies = %s
                local paths = %s
                """;
        String get = """
                request = function()
                  return wrk.format("GET", paths[math.random(#paths)],
                    { ["Cookie"] = cookies[math.random(#cookies)], ["Accept"] = "text/html" })
                end
                """;
        return switch (name) {
            case "inbox" ->
                new Scenario(
                        "inbox (/inbox, first page)",
                        pages.formatted(Wrk.luaList(sessions), Wrk.luaList(List.of("/inbox"))),
                        get,
                        200);
            case "post" ->
                new Scenario(
                        "post page (/posts/{id}, an open post)",
                        pages.formatted(Wrk.luaList(sessions), Wrk.luaList(openPosts)),
                        get,
                        200);
            case "intake" ->
                new Scenario(
                        "intake (POST /api/v1/messages, a new post)",
                        """
                    local token = "%s"
                    local detected = "%s"
                    local n = 0
                    """.formatted(
                                        ChildApplication.CUR_TOKEN,
                                        OffsetDateTime.now(ZoneOffset.ofHours(7))
                                                .minusMinutes(1)
                                                .truncatedTo(ChronoUnit.SECONDS)),
                        """
                    request = function()
                      n = n + 1
                      -- a new author and link each time, every twentieth message a repeat of an earlier author's
                      -- (п.16 links it to the author's earlier posts): as ЦУР's posts arrive, not 16 authors writing
                      -- thousands of posts each
                      local author = id .. "-" .. run .. "-" .. ((n % 20 == 0) and (n - 10) or n)
                      local body = string.format('{"externalId":"LOAD-%s-%d-%d","source":"VK",'
                        .. '"url":"https://vk.com/wall-%d_%s%d","authorName":"Нагрузочный тест",'
                        .. '"authorUrl":"https://vk.com/id%s","text":"Сообщение номер %d от клиента %d: когда '
                        .. 'отремонтируют дорогу и починят освещение во дворе?","detectedAt":"%s",'
                        .. '"importance":"%s","topic":"Нагрузка"}',
                        run, id, n, id, run, n, author, n, id, detected, (n % 10 == 0) and "HIGH" or "NORMAL")
                      return wrk.format("POST", "/api/v1/messages",
                        { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
                    end
                    """,
                        201);
            default -> throw new IllegalArgumentException("unknown scenario " + name + ": inbox, post or intake");
        };
    }

    /** Rounds of load until the throughput of two rounds in a row differs by less than 5 %. */
    private static void warmUp(
            String url, Scenario scenario, int users, int wrkThreads, int round, int minWarmup, int maxWarmup)
            throws Exception {
        double previous = 0;
        int elapsed = 0;
        List<String> rates = new ArrayList<>();
        boolean settled = false;
        while (elapsed < maxWarmup) {
            Wrk.Run run = Wrk.run(url, script(scenario), users, wrkThreads, round);
            elapsed += round;
            double rate = run.perSecond();
            rates.add(
                    run.unexpected() == 0
                            ? "%.0f".formatted(rate)
                            : "%.0f (%d answers %d)".formatted(rate, run.unexpected(), run.unexpectedStatus()));
            if (elapsed >= minWarmup && previous > 0 && Math.abs(rate - previous) / previous < 0.05) {
                settled = true;
                break;
            }
            previous = rate;
        }
        System.out.printf(
                "%s: warm-up %d s in %d-second rounds, requests/s %s%s%n",
                scenario.name(),
                elapsed,
                round,
                String.join(" → ", rates),
                settled ? " (settled)" : " (NOT settled within --max-warmup)");
    }

    private static String measure(
            String url,
            Scenario scenario,
            int users,
            int wrkThreads,
            int seconds,
            CpuMeter cpu,
            JdbcClient db,
            int posts)
            throws Exception {
        db.sql("select pg_stat_statements_reset()").query().listOfRows();
        long transactionsBefore = transactions(db);
        CpuMeter.Snapshot before = cpu.snapshot();
        Wrk.Run run = Wrk.run(url, script(scenario), users, wrkThreads, seconds);
        CpuMeter.Snapshot after = cpu.snapshot();
        long transactions = transactions(db) - transactionsBefore;
        long statements = db.sql("select coalesce(sum(calls), 0) from pg_stat_statements "
                        + "where query not like '%pg_stat%' and dbid = (select oid from pg_database "
                        + "where datname = current_database())")
                .query(Long.class)
                .single();
        Map<String, Double> ms = CpuMeter.perOperation(before, after, run.requests());
        double perRequest = 1000.0 / run.requests();
        System.out.printf(
                "%s: %,d requests in %d s = %.0f/s, %d socket errors, %d unexpected answers; %s%n",
                scenario.name(),
                run.requests(),
                seconds,
                run.perSecond(),
                run.socketErrors(),
                run.unexpected(),
                run.latencies());
        System.out.println("  CPU ms per request (2 cores = 2,000 ms per second):");
        ms.forEach((group, value) -> System.out.printf("    %-28s %6.2f%n", group, value));
        System.out.printf("    %-28s %6.2f%n", "wrk (load generator)", run.wrkCpuSeconds() * perRequest);
        System.out.printf(
                "  SQL statements per request %.2f, transactions per request %.2f; the statements by total time:%n",
                statements / (double) run.requests(), transactions / (double) run.requests());
        System.out.println("    calls/req  mean ms  statement");
        db.sql("select calls, mean_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) "
                        + "from pg_stat_statements where query not like '%pg_stat%' "
                        + "order by total_exec_time desc limit 12")
                .query((rs, i) -> "    %9.2f %8.2f  %s"
                        .formatted(rs.getLong(1) / (double) run.requests(), rs.getDouble(2), rs.getString(3)))
                .list()
                .forEach(System.out::println);
        if (run.unexpected() > 0 || run.socketErrors() > 0) {
            System.out.println("  WARNING: some answers were not " + scenario.expected() + " (one was "
                    + run.unexpectedStatus() + "): the figures are void");
        }
        double app = ms.getOrDefault("Otklik request threads", 0.0)
                + ms.getOrDefault("JIT compiler", 0.0)
                + ms.getOrDefault("garbage collector", 0.0)
                + ms.getOrDefault("JVM, other threads", 0.0);
        return "| %s | %,d | %.0f | %.1f | %.1f | %.1f | %.2f (%.2f, %.2f, %.2f, %.2f) | %.2f | %.2f | %.1f | %.2f |"
                .formatted(
                        scenario.name(),
                        posts,
                        run.perSecond(),
                        run.p50() / 1e3,
                        run.p95() / 1e3,
                        run.p99() / 1e3,
                        app,
                        ms.getOrDefault("Otklik request threads", 0.0),
                        ms.getOrDefault("JIT compiler", 0.0),
                        ms.getOrDefault("garbage collector", 0.0),
                        ms.getOrDefault("JVM, other threads", 0.0),
                        ms.getOrDefault("PostgreSQL", 0.0),
                        run.wrkCpuSeconds() * perRequest,
                        statements / (double) run.requests(),
                        transactions / (double) run.requests());
    }

    /** A fresh script per run: intake's external ids carry a run id of their own, so every message is new. */
    private static Path script(Scenario scenario) throws Exception {
        String run = "local run = \"" + UUID.randomUUID().toString().substring(0, 8) + "\"\n";
        return Wrk.script(run + scenario.prelude(), scenario.request(), scenario.expected());
    }

    private static long transactions(JdbcClient db) {
        return db.sql("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")
                .query(Long.class)
                .single();
    }

    /** Seeds the report benchmark's posts unless this database holds them already, then lets PostgreSQL analyse. */
    private static void seed(JdbcClient db, int posts) {
        long present = db.sql("select count(*) from post where external_id like 'BENCH-%'")
                .query(Long.class)
                .single();
        if (present >= posts) {
            System.out.printf("%,d seeded posts are there already%n", present);
            return;
        }
        if (present > 0) {
            throw new IllegalStateException(
                    "the database holds " + present + " seeded posts, not " + posts + ": give another --data folder");
        }
        long start = System.nanoTime();
        ReportBenchmark.seed(db, posts);
        db.sql("vacuum analyze").update();
        System.out.printf("seeded %,d posts in %.0f s%n", posts, (System.nanoTime() - start) / 1e9);
    }

    /** Otklik's threads by their Linux name (15 characters at most). */
    private static String threadGroup(String name) {
        if (name.startsWith("http-nio")) {
            return "Otklik request threads";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT compiler";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "garbage collector";
        }
        return null;
    }
}
