package ru.otklik.audit;

/**
 * The kinds of administrative action the audit log records; their Russian names are {@code audit.action.<NAME>}.
 */
public enum AuditAction {
    USER_CREATED,
    USER_CHANGED,
    PASSWORD_RESET,
    DEPARTMENT_CREATED,
    DEPARTMENT_CHANGED,
    DEPARTMENT_STAFF_CHANGED,
    DEPARTMENT_SUBJECT_CHANGED,
    ORG_AUTHORITY_CHANGED,
    ABSENCE_CREATED,
    ABSENCE_DELETED,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED,
    CALENDAR_DAY_CHANGED,
    CALENDAR_HOURS_CHANGED,
    CALENDAR_YEAR_LOADED,
    DEADLINE_RULE_CHANGED
}
