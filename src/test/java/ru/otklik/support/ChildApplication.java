package ru.otklik.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import ru.otklik.OtklikApplication;

/**
 * Otklik in a process of its own, as an operator runs it, so that a test can kill it the way a crash, an OOM killer
 * or a container stop does. It runs from the test's class path with the demo (and its ЦУР token) and no sweep.
 */
public final class ChildApplication implements AutoCloseable {

    public static final String CUR_TOKEN = "demo-cur-token";

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ChildApplication(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Otklik with these {@code --name=value} arguments over its test defaults (the demo, no sweep, a free
     * port); its output goes to {@code log}.
     */
    public static ChildApplication start(Path log, String... arguments) throws IOException {
        return start(log, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:auto"), arguments);
    }

    /** Starts Otklik as {@link #start(Path, String...)} does, with these JVM options instead of the quick-start ones. */
    public static ChildApplication start(Path log, List<String> jvmOptions, String... arguments) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", String.valueOf(freePort()));
        settings.put("otklik.demo", "true");
        settings.put("otklik.sweep.enabled", "false");
        settings.put("spring.main.banner-mode", "off");
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            settings.put(argument.substring(2, eq), argument.substring(eq + 1));
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OtklikApplication.class.getName()));
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ChildApplication(process, Integer.parseInt(settings.get("server.port")), log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until ЦУР's token is accepted: the application serves and its demo is seeded. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Отклик завершился при запуске (код " + process.exitValue() + "):\n" + tail());
            }
            try {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(
                                uri("/api/v1/calendar/deadline?from=2026-12-04T16:25:00%2B07:00&workingMinutes=10"))
                        .header("Authorization", "Bearer " + CUR_TOKEN)
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException ex) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Отклик не стал готов за " + timeout.toSeconds() + " с:\n" + tail());
    }

    /** Registers a post through ЦУР's API, as ЦУР does; the same id gives the same message, so a repeat is a 200. */
    public HttpResponse<String> postMessage(String externalId) throws IOException, InterruptedException {
        String body = """
                {"externalId":"%s","source":"VK","url":"https://vk.com/wall-1_%s","text":"Когда придёт пособие? %s",
                 "detectedAt":"2026-01-15T10:00:00+07:00"}""".formatted(externalId, Math.abs(externalId.hashCode()), externalId);
        return send(HttpRequest.newBuilder(uri("/api/v1/messages"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + CUR_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * ЦУР under load: {@code clients} threads post new messages ({@code prefix-client-n}) until {@link Load#stop()},
     * keeping the ids answered {@code 201}. Failed requests are not retried: only what was acknowledged counts.
     */
    public Load load(int clients, String prefix) {
        return new Load(this, clients, prefix);
    }

    /** A running load of {@link #load(int, String)}. */
    public static final class Load {

        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads;

        private Load(ChildApplication app, int clients, String prefix) {
            threads = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                int client = c;
                threads.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        String id = prefix + "-" + client + "-" + n;
                        try {
                            if (app.postMessage(id).statusCode() == 201) {
                                acknowledged.add(id);
                            }
                        } catch (IOException ex) {
                            // refused or cut off: not acknowledged, the load goes on
                        }
                    }
                    return null;
                });
            }
        }

        /** The ids answered 201 so far. */
        public Set<String> acknowledged() {
            return acknowledged;
        }

        /** Stops the clients and waits for their last requests. */
        public Set<String> stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("клиенты нагрузки не остановились за 60 с");
            }
            return Set.copyOf(acknowledged);
        }
    }

    /**
     * Logs a demo person in on this instance, as the login form does, and gives the session cookie's value. (A
     * session made by the tests' own application would not do here: its login time is the tests' clock's, hours
     * before this process's real time, so the absolute timeout would end it.)
     */
    public String login(String login) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login");
        String xsrf = cookie(form, "XSRF-TOKEN");
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(form.body());
        if (xsrf == null || !csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpResponse<String> done = send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", "XSRF-TOKEN=" + xsrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + login + "&password=demo&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build());
        String session = cookie(done, "SESSION");
        if (done.statusCode() != 302 || session == null) {
            throw new IllegalStateException("login of " + login + " failed: " + done.statusCode());
        }
        return session;
    }

    private static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                int end = header.indexOf(';');
                String value = header.substring(name.length() + 1, end < 0 ? header.length() : end);
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Process process() {
        return process;
    }

    /** kill -9 of this JVM alone: its embedded PostgreSQL, started through pg_ctl, is left running. */
    public void killJvm() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * kill -9 of everything at once, as a container kill or a power cut does: this JVM and the embedded PostgreSQL
     * of {@code dataDir} with all its backends.
     */
    public void killEverything(Path dataDir) throws IOException, InterruptedException {
        List<ProcessHandle> victims = new ArrayList<>();
        postmaster(dataDir).ifPresent(postmaster -> {
            victims.add(postmaster);
            postmaster.descendants().forEach(victims::add);
        });
        victims.add(process.toHandle());
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            victim.onExit().join();
        }
    }

    /** The embedded postmaster of {@code dataDir}, if one runs. */
    public static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pid)) {
            return lines.findFirst()
                    .map(String::strip)
                    .map(Long::parseLong)
                    .flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive);
        }
    }

    /** The end of the application's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException ex) {
            return "(журнал не прочитан: " + ex + ")";
        }
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Stops it as an operator would (SIGTERM), or kills it after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
