package ru.otklik.api;

/**
 * Tells a failure of ours from an outage of the database, which the web shell answers with 503 and
 * {@code Retry-After} before the API's advice would answer 500. The database module implements it.
 */
public interface Outages {

    /** Whether an unreachable database explains this failure. */
    boolean explains(Throwable failure);
}
