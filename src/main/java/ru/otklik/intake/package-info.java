/**
 * Intake (приём сообщений от ЦУР): the API tokens of ЦУР's system, the intake API and bulk import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package ru.otklik.intake;
