package ru.otklik.people;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person as Spring Security keeps them in the session.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * The session attribute that keeps a person who logged in with a password set by the admin on the page where
     * they choose their own, until they have.
     */
    public static final String MUST_CHANGE_PASSWORD = "otklik.mustChangePassword";

    /** The session attribute holding when the person logged in (epoch milliseconds): for the absolute lifetime. */
    public static final String LOGGED_IN_AT = "otklik.loggedInAt";

    private final long id;
    private final String login;
    private final String fullName;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private String passwordHash;

    /**
     * The person as they log in now.
     *
     * @param mustChangePassword their password was set by the admin and is to be replaced at once
     * @param passwordHash the stored hash, for the password check at login; {@code null} for a directory account
     */
    public CurrentUser(
            long id,
            String login,
            String fullName,
            Set<Role> roles,
            boolean enabled,
            boolean mustChangePassword,
            String passwordHash) {
        this.id = id;
        this.login = login;
        this.fullName = fullName;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether this person holds a role of the group ({@link Role#ORG_STAFF} and friends). */
    public boolean hasAnyRole(Set<Role> group) {
        return group.stream().anyMatch(roles::contains);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether, at the moment of login, the password was a temporary one set by the admin. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** The role whose start page this person sees first. */
    public Role mainRole() {
        return Role.main(roles);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentUser that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return login;
    }

    static List<String> authorities(Set<Role> roles) {
        return roles.stream().map(Role::authority).toList();
    }
}
