package ru.otklik.reports;

/**
 * How the report breaks a measure down.
 */
public enum Dimension {
    TOTAL,
    SOURCE,
    DEPARTMENT,
    IMPORTANCE
}
