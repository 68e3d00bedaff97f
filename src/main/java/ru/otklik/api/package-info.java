/**
 * API conventions (соглашения API): RFC 9457 problem details in Russian, shared by every JSON endpoint.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API conventions")
package ru.otklik.api;
