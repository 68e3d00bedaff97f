/**
 * People (сотрудники): users and their roles, departments with heads, curating deputy ministers and executors,
 * absences and substitutes, login.
 *
 * <p>Its root is the API: {@link ru.otklik.people.PeopleManagement} (every change), {@link ru.otklik.people.PeopleLookup}
 * with {@link ru.otklik.people.PersonSummary} and {@link ru.otklik.people.DepartmentSummary} (the small read API),
 * {@link ru.otklik.people.Substitutes} (who acts for an absent person), {@link ru.otklik.people.CurrentUser} (the
 * logged-in person), {@link ru.otklik.people.PeopleCache} (what the lookups and substitutes keep in memory until the
 * people change: V74's {@code people_revision}), the roles, the password and login rules and the refusals. The entities, repositories, the
 * throttle's SQL and the login machinery live in {@code internal}, the admin and account pages in {@code web}, the
 * directory login (LDAP / Active Directory) in {@code directory}.
 *
 * <p>Persistence rule: a module writes only its own tables. This one owns {@code app_user} (directory accounts are
 * its rows with {@code from_directory}), {@code user_role}, {@code department}, {@code department_executor},
 * {@code absence} (created by the deadlines migration V5), {@code department_subject},
 * {@code department_subject_executor}, {@code login_throttle} and {@code people_revision}; the database function {@code acting_person} (V58),
 * which the deadline sweep calls too, is its resolution of substitutes. It ends sessions through Spring
 * Session's repository, which owns {@code spring_session} and {@code spring_session_attributes}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package ru.otklik.people;
