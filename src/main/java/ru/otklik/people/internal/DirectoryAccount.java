package ru.otklik.people.internal;

import java.util.Set;
import ru.otklik.people.Role;

/**
 * A person as the directory (LDAP / Active Directory) describes them at login, with their groups already mapped to
 * Otklik's roles and department names.
 *
 * @param login the login, as Otklik keeps it (lower case)
 * @param fullName the name to show; the login when the directory has none
 * @param email the e-mail, or null
 * @param roles the roles of the person's mapped groups
 * @param departments the names of the departments of the person's mapped groups
 */
public record DirectoryAccount(String login, String fullName, String email, Set<Role> roles, Set<String> departments) {}
