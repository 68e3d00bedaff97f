package ru.otklik.people.directory;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

/**
 * What a successful bind tells about the person: their login, name, e-mail and the names of their groups.
 */
record DirectoryPerson(String login, String fullName, String email, List<String> groups) implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return groups.stream().map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return login;
    }

    /** Reads the person from their directory entry: the LDAP ({@code uid}) and the AD ({@code sAMAccountName}) way. */
    static final class Mapper implements UserDetailsContextMapper {

        @Override
        public UserDetails mapUserFromContext(
                DirContextOperations entry, String username, Collection<? extends GrantedAuthority> groups) {
            String login = first(entry, "sAMAccountName", "uid");
            String fullName = first(entry, "displayName", "cn");
            return new DirectoryPerson(
                    login == null ? username : login,
                    fullName == null ? username : fullName,
                    first(entry, "mail"),
                    groups.stream().map(GrantedAuthority::getAuthority).toList());
        }

        @Override
        public void mapUserToContext(UserDetails user, DirContextAdapter entry) {
            throw new UnsupportedOperationException("Otklik never writes to the directory");
        }

        private static String first(DirContextOperations entry, String... attributes) {
            for (String attribute : attributes) {
                String value = entry.getStringAttribute(attribute);
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
            return null;
        }
    }
}
