package ru.otklik.api;

/**
 * Tells a failure of ours from an outage of the database, which the web shell answers with 503 and
 * {@code Retry-After} before the API's advice would answer 500. The database module implements it.
 */
public interface Outages {

    /** Whether an unreachable database explains this failure. */
    boolean explains(Throwable failure);

    /**
     * Whether the failure is only that every connection of the pool was busy for longer than the pool waits, while
     * the database itself answers: an instance under more load than its pool serves, not an outage. Such a failure
     * is {@linkplain #explains explained} too (the request cannot be served now), but it is not remembered as an
     * outage and the person is told to retry in a few seconds.
     */
    boolean overloaded(Throwable failure);
}
