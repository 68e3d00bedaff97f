package ru.otklik.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import ru.otklik.deadlines.HandOff;
import ru.otklik.deadlines.HandOffFeed;
import ru.otklik.people.Role;
import ru.otklik.posts.Actor;
import ru.otklik.posts.PostManagement;

/**
 * The live streams open on this instance (one per open page) and what they are sent (issue 17 point 2): a toast for
 * each notification of the person or of whom they stand in for today ({@code handoff}, its id the notification's, so
 * a page that reconnects catches up from it), the menu's counts when they change ({@code counts}) and a nudge to
 * refresh the clocks ({@code clocks}). The events come from PostgreSQL ({@link LiveListener}), so a change made on
 * any instance reaches the pages on every instance.
 *
 * <p>A stream holds no thread while it waits (Spring MVC's asynchronous requests); one thread of this class sends
 * every event, in order, and a heartbeat comment keeps idle streams open through proxies. A stream that ends (timeout,
 * the page closed, a failed write) leaves the registry at once.
 */
@Component
public class LiveStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** A page that comes back catches up on at most this many notifications; the notifications page has them all. */
    static final int CATCH_UP = 20;

    /** A clocks event names at most this many posts; past that it says «every post» ({@code *}). */
    static final int CLOCKS_NAMED = 300;

    /** How long a browser waits before it reconnects a lost stream. */
    static final long RECONNECT_MS = 3000;

    private static final String FRAGMENTS = "fragments/live";
    private static final java.util.Locale RU = java.util.Locale.forLanguageTag("ru");

    /** One open page of one person. */
    static final class Stream {

        final SseEmitter emitter;
        final long userId;
        final Set<Role> roles;
        final Set<Long> actingIds;
        volatile MenuCounts.Counts sentCounts;

        Stream(SseEmitter emitter, long userId, Set<Role> roles, Set<Long> actingIds) {
            this.emitter = emitter;
            this.userId = userId;
            this.roles = roles;
            this.actingIds = actingIds;
        }
    }

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    /** The streams of each person they act for: their own id and those they stand in for today. */
    private final Map<Long, Set<Stream>> byActing = new ConcurrentHashMap<>();

    private final AtomicBoolean workChanged = new AtomicBoolean();
    /** The posts whose clocks changed since pages were last told; {@code -1} stands for «too many to name». */
    private final Set<Long> clocksChanged = ConcurrentHashMap.newKeySet();

    private final AtomicLong delivered = new AtomicLong();
    private final PostManagement posts;
    private final MenuCounts menuCounts;
    private final HandOffFeed feed;
    private final ITemplateEngine templates;
    private final LiveSettings settings;
    private volatile ScheduledExecutorService sender;

    LiveStreams(
            PostManagement posts,
            MenuCounts menuCounts,
            HandOffFeed feed,
            ITemplateEngine templates,
            LiveSettings settings,
            MeterRegistry meters) {
        Gauge.builder("otklik.live.streams", this, LiveStreams::size)
                .description("live streams (open pages) on this instance")
                .register(meters);
        FunctionCounter.builder("otklik.live.events", delivered, AtomicLong::get)
                .description("events written to live streams by this instance, heartbeats included")
                .register(meters);
        this.posts = posts;
        this.menuCounts = menuCounts;
        this.feed = feed;
        this.templates = templates;
        this.settings = settings;
    }

    /**
     * Opens a stream for the person's page.
     *
     * @param since   send the person's unread notifications after this id first, or {@code null}: nothing to catch up
     * @param resumed whether the page had a stream before (a reconnection): its counts and clocks may be stale too
     */
    SseEmitter open(long userId, Set<Role> roles, Long since, boolean resumed) {
        Actor actor = posts.actor(userId, roles);
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Stream stream = new Stream(emitter, userId, Set.copyOf(roles), actor.actingIds());
        emitter.onCompletion(() -> remove(stream));
        emitter.onTimeout(() -> {
            remove(stream);
            emitter.complete();
        });
        emitter.onError(failure -> remove(stream));
        try {
            // written as soon as the request turns asynchronous: the headers go out at once and the browser knows the
            // stream is open; «retry» is how long it waits before reconnecting
            emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MS).comment("live"));
        } catch (IOException notYetSent) {
            throw new IllegalStateException(notYetSent);
        }
        streams.add(stream);
        stream.actingIds.forEach(id ->
                byActing.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(stream));
        run(() -> {
            if (since != null) {
                feed.unreadSince(stream.actingIds, since, CATCH_UP).forEach(h -> send(stream, handOffEvent(h)));
            }
            if (resumed) {
                sendCounts(List.of(stream), true);
                send(stream, event(SseEmitter.event().name("clocks").data("*")));
            }
        });
        return emitter;
    }

    /**
     * Where a page rendered now starts its stream: the newest notification, so that one written between the rendering
     * and the stream's opening still reaches the page; none while the database is down.
     */
    public Long since() {
        try {
            return feed.latestId();
        } catch (org.springframework.dao.DataAccessException
                | org.springframework.transaction.CannotCreateTransactionException unavailable) {
            return null;
        }
    }

    /** How many streams are open on this instance. */
    public int size() {
        return streams.size();
    }

    /** How many events this instance has written to streams since it started. */
    public long delivered() {
        return delivered.get();
    }

    /** A notification for the person {@code recipientId}: a toast on their pages and on their substitutes'. */
    void notificationWritten(long recipientId, long notificationId) {
        Set<Stream> targets = byActing.get(recipientId);
        if (targets == null || targets.isEmpty()) {
            return;
        }
        run(() -> feed.handOff(notificationId).ifPresent(handOff -> {
            Set<ResponseBodyEmitter.DataWithMediaType> event = handOffEvent(handOff);
            targets.forEach(stream -> send(stream, event));
            sendCounts(targets, true);
        }));
    }

    /** The person's notifications changed otherwise (read, a grouped line grew): the bell and counts of their pages. */
    void notificationsChanged(long recipientId) {
        Set<Stream> targets = byActing.get(recipientId);
        if (targets != null && !targets.isEmpty()) {
            run(() -> sendCounts(targets, true));
        }
    }

    /**
     * Posts, parts, drafts or escalations changed somewhere: the org staff's counts (the inbox fills with arriving
     * posts, which notify nobody) are counted again, once per {@link LiveSettings#refresh()}. Everybody else's counts
     * move with the notifications that hand work to them.
     */
    void workChanged() {
        workChanged.set(true);
    }

    /** A clock of the post started, stopped or moved: the pages showing it refresh it within the refresh window. */
    void clockChanged(long postId) {
        if (clocksChanged.size() < CLOCKS_NAMED) {
            clocksChanged.add(postId);
        } else {
            clocksChanged.add(-1L);
        }
    }

    /**
     * The listener lost PostgreSQL for a while and may have missed events: every page refreshes its clocks and the
     * org staff their counts; each page catches up on its notifications when it next reconnects.
     */
    void eventsMayBeLost() {
        workChanged.set(true);
        clocksChanged.add(-1L);
    }

    private void refresh() {
        if (streams.isEmpty()) {
            workChanged.set(false);
            clocksChanged.clear();
            return;
        }
        if (!clocksChanged.isEmpty()) {
            List<Long> changed = List.copyOf(clocksChanged);
            clocksChanged.removeAll(changed);
            String posts = changed.contains(-1L)
                    ? "*"
                    : String.join(",", changed.stream().map(String::valueOf).toList());
            Set<ResponseBodyEmitter.DataWithMediaType> clocks =
                    event(SseEmitter.event().name("clocks").data(posts));
            streams.forEach(stream -> send(stream, clocks));
        }
        if (workChanged.getAndSet(false)) {
            sendCounts(
                    streams.stream()
                            .filter(stream -> stream.roles.stream().anyMatch(Role.ORG_STAFF::contains))
                            .toList(),
                    false);
        }
    }

    void heartbeat() {
        Set<ResponseBodyEmitter.DataWithMediaType> ping =
                event(SseEmitter.event().comment(""));
        streams.forEach(stream -> send(stream, ping));
    }

    /**
     * Sends each stream its person's counts, counted once per person; unless {@code always}, only to the streams
     * whose counts changed since they were last sent.
     */
    private void sendCounts(Collection<Stream> targets, boolean always) {
        Map<Long, MenuCounts.Counts> counted = new HashMap<>();
        Map<MenuCounts.Counts, String> rendered = new HashMap<>();
        for (Stream stream : targets) {
            MenuCounts.Counts counts =
                    counted.computeIfAbsent(stream.userId, id -> menuCounts.of(posts.actor(id, stream.roles)));
            if (!always && counts.equals(stream.sentCounts)) {
                continue;
            }
            String html = rendered.computeIfAbsent(counts, this::render);
            stream.sentCounts = counts;
            send(stream, event(SseEmitter.event().name("counts").data(html)));
        }
    }

    private String render(MenuCounts.Counts counts) {
        Context context = new Context(RU);
        context.setVariable("waiting", counts);
        return oneLine(templates.process(FRAGMENTS, Set.of("counts"), context));
    }

    private Set<ResponseBodyEmitter.DataWithMediaType> handOffEvent(HandOff handOff) {
        Context context = new Context(RU);
        context.setVariable("handOff", handOff);
        String html = oneLine(templates.process(FRAGMENTS, Set.of("toast"), context));
        return event(SseEmitter.event()
                .id(String.valueOf(handOff.id()))
                .name("handoff")
                .data(html));
    }

    /** An event written once and sent as it is to many streams (a builder must not be built twice). */
    private static Set<ResponseBodyEmitter.DataWithMediaType> event(SseEmitter.SseEventBuilder builder) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(builder.build()));
    }

    /** An event's data goes on one line: a line break would split it into several {@code data:} lines. */
    private static String oneLine(String html) {
        return html.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private void send(Stream stream, Set<ResponseBodyEmitter.DataWithMediaType> event) {
        try {
            stream.emitter.send(event);
            delivered.incrementAndGet();
        } catch (IOException | IllegalStateException gone) {
            // the page has gone (closed, navigated away): its stream ends here
            remove(stream);
            try {
                stream.emitter.completeWithError(gone);
            } catch (IllegalStateException alreadyComplete) {
                log.trace("stream already complete", alreadyComplete);
            }
        }
    }

    private void remove(Stream stream) {
        if (streams.remove(stream)) {
            stream.actingIds.forEach(id -> byActing.computeIfPresent(id, (k, set) -> {
                set.remove(stream);
                return set.isEmpty() ? null : set;
            }));
        }
    }

    private void run(Runnable task) {
        ScheduledExecutorService running = sender;
        if (running == null) {
            return;
        }
        running.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException failed) {
                // a database outage, say: the pages keep their streams and get the next events
                log.warn("Live event not sent: {}", failed.toString());
            }
        });
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "otklik-live");
            thread.setDaemon(true);
            return thread;
        });
        long heartbeat = settings.heartbeat().toMillis();
        long refresh = settings.refresh().toMillis();
        started.scheduleWithFixedDelay(() -> guarded(this::heartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        started.scheduleWithFixedDelay(() -> guarded(this::refresh), refresh, refresh, TimeUnit.MILLISECONDS);
        sender = started;
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException failed) {
            log.warn("Live pages not refreshed: {}", failed.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = sender;
        sender = null;
        if (running != null) {
            running.shutdownNow();
        }
        streams.forEach(stream -> {
            remove(stream);
            try {
                stream.emitter.complete();
            } catch (IllegalStateException alreadyComplete) {
                log.trace("stream already complete", alreadyComplete);
            }
        });
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }
}
