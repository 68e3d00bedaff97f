/**
 * Directory login (вход через каталог): LDAP or Active Directory accounts, their groups mapped to roles and departments.
 */
package ru.otklik.people.directory;
