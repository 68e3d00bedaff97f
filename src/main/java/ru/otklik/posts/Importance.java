package ru.otklik.posts;

/**
 * NORMAL, or HIGH: сообщение повышенной важности, answered within 2 working hours instead of 6 (п.7, п.8).
 */
public enum Importance {
    NORMAL,
    HIGH
}
