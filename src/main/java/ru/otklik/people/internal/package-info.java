/**
 * Inside the people module: the person, department and absence entities with their JPA repositories, the login
 * throttle's SQL, form login (the throttled authentication provider and the local accounts it checks), the directory
 * accounts kept in step at login, the password encoder and the first admin. Other modules read people through
 * {@link ru.otklik.people.PeopleLookup} and change them through {@link ru.otklik.people.PeopleManagement}; they never
 * see these types.
 */
package ru.otklik.people.internal;
