/**
 * Audit (журнал действий): an append-only log of the administrative actions of every module, with who, when, what and
 * from which address, read by the admin at {@code /admin/audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package ru.otklik.audit;
