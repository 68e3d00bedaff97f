/**
 * People (сотрудники): users and their roles, departments with heads, curating deputy ministers and executors, login.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package ru.otklik.people;
