/**
 * API conventions (соглашения API): the one pipeline of every JSON endpoint — strict JSON reading, body type and
 * size checks, RFC 9457 problem details in Russian.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API conventions")
package ru.otklik.api;
