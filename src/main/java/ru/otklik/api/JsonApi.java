package ru.otklik.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the JSON API ({@code /api/**}): its request bodies go through {@link JsonRequestBodies} and
 * its failures are answered by {@link ApiProblemAdvice} as {@code application/problem+json}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonApi {}
