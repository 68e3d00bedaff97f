package ru.otklik.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import ru.otklik.OtklikApplication;

/**
 * Intake load benchmark (SPEC §7: at least 500 posts per second with 16 concurrent clients). Starts Otklik on a
 * fresh embedded PostgreSQL in a temporary folder (or uses a running instance given {@code --url} and
 * {@code --token}), warms up, then 16 clients post distinct messages over loopback for a fixed time and the
 * throughput and latency percentiles are printed. See docs/PERFORMANCE.md for the command.
 *
 * <p>Options: {@code --url=http://127.0.0.1:8080 --token=demo-cur-token --clients=16 --seconds=20 --warmup=5}.
 */
public final class IntakeLoadBenchmark {

    private IntakeLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int seconds = Math.min(300, Integer.parseInt(options.getOrDefault("seconds", "20")));
        int warmup = Math.min(60, Integer.parseInt(options.getOrDefault("warmup", "5")));
        String token = options.getOrDefault("token", "demo-cur-token");
        ConfigurableApplicationContext app = null;
        String url = options.get("url");
        if (url == null) {
            Path data = Files.createTempDirectory("otklik-intake-bench");
            app = SpringApplication.run(OtklikApplication.class, "--server.port=0", "--server.address=127.0.0.1",
                    "--otklik.data-dir=" + data, "--otklik.demo=true", "--logging.level.root=WARN",
                    "--spring.main.banner-mode=off");
            url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        }
        if (!url.startsWith("http://127.0.0.1") && !url.startsWith("http://localhost")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        try {
            System.out.printf("Intake benchmark: %s, %d clients, %d s warm-up, %d s measured%n", url, clients, warmup, seconds);
            run(url, token, clients, warmup, false);
            Result result = run(url, token, clients, seconds, true);
            result.print(seconds);
        }
        finally {
            if (app != null) {
                app.close();
            }
        }
    }

    private record Result(long ok, long failed, long[] latenciesMicros, Map<Integer, Long> statuses) {

        void print(int seconds) {
            Arrays.sort(latenciesMicros);
            System.out.printf("posts created: %d in %d s = %.0f posts/s; failed requests: %d; statuses: %s%n",
                    ok, seconds, ok / (double) seconds, failed, statuses);
            System.out.printf("latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", percentile(0.50),
                    percentile(0.95), percentile(0.99), percentile(1.0));
        }

        private double percentile(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            int index = (int) Math.min(latenciesMicros.length - 1, Math.ceil(p * latenciesMicros.length) - 1);
            return latenciesMicros[Math.max(0, index)] / 1000.0;
        }
    }

    private static Result run(String url, String token, int clients, int seconds, boolean measured) throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] latencies = new long[1 << 16];
                int n = 0;
                for (int i = 0; System.nanoTime() < end && n < latencies.length; i++) {
                    String detectedAt = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(1)
                            .truncatedTo(ChronoUnit.SECONDS).toString();
                    String body = """
                            {"externalId":"BENCH-%s-%s-%d-%d","source":"VK","url":"https://vk.com/wall-%d_%d",
                             "authorName":"Нагрузочный тест","authorUrl":"https://vk.com/id%d",
                             "text":"Сообщение номер %d от клиента %d: когда отремонтируют дорогу и починят освещение во дворе?",
                             "detectedAt":"%s","importance":"%s","topic":"Нагрузка"}"""
                            .formatted(measured ? "M" : "W", runId, client, i, client, i, client, i, client, detectedAt,
                                    i % 10 == 0 ? "HIGH" : "NORMAL");
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/messages"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    latencies[n++] = (System.nanoTime() - start) / 1000;
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                    if (response.statusCode() == 201) {
                        ok.incrementAndGet();
                    }
                    else {
                        failed.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(ok.get(), failed.get(), merged, statuses);
    }
}
