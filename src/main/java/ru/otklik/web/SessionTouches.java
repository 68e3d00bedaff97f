package ru.otklik.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store, writing a session's row only when something in it changed: Spring Session's JDBC store marks a
 * session changed on every request because the request moves its last-access time, so every page cost an
 * {@code UPDATE} of the session row. Here the last-access time moves only when it is at least {@link #EVERY} old; the
 * idle timeout (8 h) therefore ends a session at most that much early, and a page that changes nothing in the session
 * writes nothing.
 */
final class SessionTouches<S extends Session> implements FindByIndexNameSessionRepository<SessionTouches.Touched<S>> {

    /** How stale the stored last-access time may get before a request writes it. */
    static final Duration EVERY = Duration.ofMinutes(1);

    private final FindByIndexNameSessionRepository<S> store;

    SessionTouches(FindByIndexNameSessionRepository<S> store) {
        this.store = store;
    }

    @Override
    public Touched<S> createSession() {
        return new Touched<>(store.createSession());
    }

    @Override
    public void save(Touched<S> session) {
        store.save(session.stored);
    }

    @Override
    public Touched<S> findById(String id) {
        S session = store.findById(id);
        return session == null ? null : new Touched<>(session);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map<String, Touched<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Touched<S>> found = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new Touched<>(session)));
        return found;
    }

    /** A stored session whose last-access time moves only when it is {@link #EVERY} old. */
    static final class Touched<S extends Session> implements Session {

        private final S stored;

        Touched(S stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant at) {
            if (!at.isBefore(stored.getLastAccessedTime().plus(EVERY))) {
                stored.setLastAccessedTime(at);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
