package ru.otklik.intake;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import ru.otklik.OtklikApplication;
import ru.otklik.support.CpuMeter;

/**
 * Intake load benchmark (SPEC §7: at least 500 posts per second with 16 concurrent clients). Starts Otklik on a
 * fresh embedded PostgreSQL in a temporary folder (or uses a running instance given {@code --url} and
 * {@code --token}), warms up, then 16 clients post distinct messages over loopback for a fixed time and the
 * throughput, latency percentiles and the CPU spent per post (Otklik's request threads, JIT, GC, PostgreSQL, the
 * clients themselves) are printed. See docs/PERFORMANCE.md for the command.
 *
 * <p>The clients speak HTTP/1.1 over one keep-alive socket each ({@link LoopbackHttp}): the load generator shares
 * the machine with Otklik and PostgreSQL, so it should take as little of it as it can.
 *
 * <p>Options (defaults shown): {@code --clients=16 --seconds=30 --warmup=60}; {@code --url=http://127.0.0.1:8080
 * --token=<token>} for a running instance; {@code --probe=unauthorized} for the floor (every answer 401); any
 * {@code --spring.…} or {@code --server.…} setting is passed to the application it starts.
 */
public final class IntakeLoadBenchmark {

    private IntakeLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int seconds = Math.min(300, Integer.parseInt(options.getOrDefault("seconds", "30")));
        // the JIT of a 2-core machine compiles the request path for well over ten seconds: measure after it has settled
        int warmup = Math.min(300, Integer.parseInt(options.getOrDefault("warmup", "60")));
        // --probe=unauthorized: every request carries an unknown token and is answered 401, the cheapest answer of the
        // API (HTTP, the security filters, one token lookup): what the machine can do before any registration work
        boolean probe = "unauthorized".equals(options.get("probe"));
        String token = probe ? "otk_unknown-token-for-the-probe" : options.getOrDefault("token", "demo-cur-token");
        int expected = probe ? 401 : 201;
        ConfigurableApplicationContext app = null;
        Path data = null;
        String url = options.get("url");
        if (url == null) {
            data = Files.createTempDirectory("otklik-intake-bench");
            List<String> appArgs = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--otklik.data-dir=" + data,
                    "--otklik.demo=true",
                    "--logging.level.root=WARN",
                    "--spring.main.banner-mode=off"));
            // Spring and server settings go to the application, e.g. --spring.datasource.hikari.maximum-pool-size=20
            Arrays.stream(args)
                    .filter(arg -> arg.startsWith("--spring.") || arg.startsWith("--server."))
                    .forEach(appArgs::add);
            app = SpringApplication.run(OtklikApplication.class, appArgs.toArray(String[]::new));
            url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        }
        if (!url.startsWith("http://127.0.0.1") && !url.startsWith("http://localhost")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        // the clients' threads live through both runs, so the CPU meter sees them at the end of the measured one
        AtomicLong threads = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(
                clients, task -> new Thread(task, "bench-client-" + threads.incrementAndGet()));
        try {
            System.out.printf(
                    "Intake benchmark%s: %s, %d clients, %d s warm-up, %d s measured%n",
                    probe ? " (probe: unknown token, every answer 401)" : "", url, clients, warmup, seconds);
            run(pool, url, token, clients, warmup, false, expected);
            CpuMeter cpu = new CpuMeter(IntakeLoadBenchmark::threadGroup);
            CpuMeter.Snapshot before = cpu.snapshot();
            Result result = run(pool, url, token, clients, seconds, true, expected);
            CpuMeter.Snapshot after = cpu.snapshot();
            result.print(seconds, probe ? "401 answers" : "posts created");
            if (app != null && CpuMeter.available()) {
                System.out.printf(
                        "CPU ms per %s (2 cores = 2,000 ms per second):%n", probe ? "answer" : "post created");
                CpuMeter.perOperation(before, after, result.ok())
                        .forEach((group, ms) -> System.out.printf("  %-28s %6.2f%n", group, ms));
            }
        } finally {
            pool.shutdown();
            if (app != null) {
                app.close();
                // the embedded database has stopped with the application: its files go too
                FileSystemUtils.deleteRecursively(data);
            }
        }
    }

    /** The benchmark's thread groups by the Linux name of a thread (15 characters at most). */
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
        if (name.startsWith("bench-client")) {
            return "load generator (clients)";
        }
        return null;
    }

    private record Result(long ok, long failed, long[] latenciesMicros, Map<Integer, Long> statuses) {

        void print(int seconds, String what) {
            Arrays.sort(latenciesMicros);
            System.out.printf(
                    "%s: %d in %d s = %.0f per second; other answers: %d; statuses: %s%n",
                    what, ok, seconds, ok / (double) seconds, failed, statuses);
            System.out.printf(
                    "latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                    percentile(0.50), percentile(0.95), percentile(0.99), percentile(1.0));
        }

        private double percentile(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            int index = (int) Math.min(latenciesMicros.length - 1, Math.ceil(p * latenciesMicros.length) - 1);
            return latenciesMicros[Math.max(0, index)] / 1000.0;
        }
    }

    private static Result run(
            ExecutorService pool, String url, String token, int clients, int seconds, boolean measured, int expected)
            throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                URI target = URI.create(url + "/api/v1/messages");
                try (LoopbackHttp http = new LoopbackHttp(target.getHost(), target.getPort())) {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    for (int i = 0; System.nanoTime() < end && n < latencies.length; i++) {
                        String detectedAt = OffsetDateTime.now(ZoneOffset.ofHours(7))
                                .minusMinutes(1)
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString();
                        String body = """
                                {"externalId":"BENCH-%s-%s-%d-%d","source":"VK","url":"https://vk.com/wall-%d_%d",
                                 "authorName":"Нагрузочный тест","authorUrl":"https://vk.com/id%d",
                                 "text":"Сообщение номер %d от клиента %d: когда отремонтируют дорогу и починят освещение во дворе?",
                                 "detectedAt":"%s","importance":"%s","topic":"Нагрузка"}""".formatted(
                                        measured ? "M" : "W",
                                        runId,
                                        client,
                                        i,
                                        client,
                                        i,
                                        client,
                                        i,
                                        client,
                                        detectedAt,
                                        i % 10 == 0 ? "HIGH" : "NORMAL");
                        long start = System.nanoTime();
                        int status = http.post(target.getPath(), token, body);
                        latencies[n++] = (System.nanoTime() - start) / 1000;
                        statuses.merge(status, 1L, Long::sum);
                        if (status == expected) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                    return Arrays.copyOf(latencies, n);
                }
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(ok.get(), failed.get(), merged, statuses);
    }
}
