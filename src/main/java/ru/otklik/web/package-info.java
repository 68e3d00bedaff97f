/**
 * Web shell (оболочка): security, login, the start page of each role, the shared layout and Russian error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package ru.otklik.web;
