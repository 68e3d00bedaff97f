/**
 * Database bootstrap: an embedded PostgreSQL 17 under {@code otklik.data-dir} when no external datasource is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package ru.otklik.database;
