package ru.otklik.people.directory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import ru.otklik.people.Role;

/**
 * Directory login (вход через каталог: LDAP or Active Directory), {@code otklik.ldap.*}. Off unless enabled.
 *
 * @param enabled whether people may log in with their directory account
 * @param url the directory's address, e.g. {@code ldap://dc1.ministry.local:389} or {@code ldaps://…:636}
 * @param base the search root, e.g. {@code dc=ministry,dc=local}; for AD optional (derived from the domain)
 * @param activeDirectoryDomain the AD domain, e.g. {@code ministry.local}: when set, Otklik binds as
 *        {@code login@domain} and reads the person's groups from {@code memberOf} (Active Directory mode); when
 *        blank, it finds the person with {@link #userSearchFilter} and their groups with {@link #groupSearchFilter}
 * @param managerDn the account that searches the directory (LDAP mode); blank for an anonymous search
 * @param managerPassword that account's password
 * @param userSearchBase where people are searched, relative to {@link #base}, e.g. {@code ou=people}
 * @param userSearchFilter how a person is found by login: {@code (uid={0})} by default in LDAP mode;
 *        in AD mode {@code (&(objectClass=user)(userPrincipalName={0}))} unless set
 * @param groupSearchBase where groups are searched (LDAP mode), relative to {@link #base}, e.g. {@code ou=groups}
 * @param groupSearchFilter which groups hold the person (LDAP mode): {0} is the person's DN, {1} the login
 * @param timeout how long to wait for the directory before the login is refused as «каталог недоступен»
 * @param groupRoles directory group name (its {@code cn}) → Otklik role; names compare ignoring case
 * @param groupDepartments directory group name → the name of an Otklik department: executors join its executors,
 *        a department head heads it when it has no head
 */
@ConfigurationProperties("otklik.ldap")
public record DirectorySettings(
        boolean enabled,
        String url,
        String base,
        String activeDirectoryDomain,
        String managerDn,
        String managerPassword,
        @DefaultValue("") String userSearchBase,
        String userSearchFilter,
        @DefaultValue("") String groupSearchBase,
        @DefaultValue("(member={0})") String groupSearchFilter,
        @DefaultValue("5s") Duration timeout,
        Map<String, Role> groupRoles,
        Map<String, String> groupDepartments) {

    public DirectorySettings {
        groupRoles = lowerCaseKeys(groupRoles);
        groupDepartments = lowerCaseKeys(groupDepartments);
    }

    boolean activeDirectory() {
        return activeDirectoryDomain != null && !activeDirectoryDomain.isBlank();
    }

    private static <V> Map<String, V> lowerCaseKeys(Map<String, V> map) {
        Map<String, V> lower = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((group, value) -> lower.put(group.strip().toLowerCase(Locale.ROOT), value));
        }
        return Map.copyOf(lower);
    }
}
