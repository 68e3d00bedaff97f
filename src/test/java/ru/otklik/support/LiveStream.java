package ru.otklik.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A page's live stream ({@code GET /live}) read as a browser's EventSource reads it: over real HTTP, with the
 * session's cookie, each event parsed into its id, name and data and stamped with the instant it arrived.
 */
public final class LiveStream implements AutoCloseable {

    /** One server-sent event. */
    public record Event(String id, String name, String data, long receivedNanos) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final int status;
    private final Thread reader;

    private LiveStream(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        this.reader = new Thread(this::read, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Opens the stream at {@code base}/live with the session cookie {@code SESSION=<session>}.
     *
     * @param lastEventId the {@code Last-Event-ID} header a reconnecting browser sends, or {@code null}
     */
    public static LiveStream open(URI base, String session, String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/live"))
                .header("Accept", "text/event-stream")
                .header("Cookie", Sessions.COOKIE + "=" + session)
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new LiveStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    public int status() {
        return status;
    }

    /** The first event, among those not yet taken, that matches; empty if none comes within {@code within}. */
    public Optional<Event> next(Predicate<Event> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (long left = within.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                break;
            }
            seen.add(event);
            if (wanted.test(event)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    /** Every event taken so far, wanted or not. */
    public List<Event> seen() {
        return List.copyOf(seen);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null || name != null) {
                        events.add(new Event(
                                id,
                                name == null ? "message" : name,
                                data == null ? "" : data.toString(),
                                System.nanoTime()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String part = line.substring(5);
                    data = data == null
                            ? new StringBuilder(part)
                            : data.append('\n').append(part);
                }
            }
        } catch (IOException closed) {
            // the stream ended: closed by the test or by the server
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
        reader.interrupt();
    }
}
