/**
 * Demo data (демонстрационные данные): the people, departments and posts of SPEC §6, seeded on an empty embedded database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package ru.otklik.demo;
