package ru.otklik.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator of an empty database, {@code otklik.admin-password}.
 *
 * @param adminPassword with no administrator in the database yet, create the administrator 'admin' with this password
 *        (env OTKLIK_ADMIN_PASSWORD); without it, Otklik on an empty external database refuses to start and says why
 */
@ConfigurationProperties("otklik")
public record AdminSettings(@DefaultValue("") String adminPassword) {}
