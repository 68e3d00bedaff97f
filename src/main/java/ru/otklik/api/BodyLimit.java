package ru.otklik.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a {@link JsonApi} handler reads; a longer one is refused with 413 before it is parsed.
 * Without it a handler reads at most {@link #DEFAULT_BYTES}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BodyLimit {

    /** 1 MB: far above any valid body of the API, far below a memory problem. */
    int DEFAULT_BYTES = 1024 * 1024;

    /** The limit in bytes. */
    int bytes();
}
