package ru.otklik.people.directory;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.authentication.AbstractLdapAuthenticationProvider;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.DirectoryLoginRefusedException;
import ru.otklik.people.Role;
import ru.otklik.people.internal.DirectoryAccount;
import ru.otklik.people.internal.DirectoryAccounts;

/**
 * Login with a directory account: binds to the directory with the person's own login and password (Spring
 * Security's LDAP or Active Directory provider), maps their groups to roles and departments, and creates or updates
 * the person in Otklik.
 * <p>
 * Local accounts come first: a login that Otklik knows with a local password (the admin, fallback accounts) is
 * checked against that password only, so it works while the directory is down and no directory entry can take it
 * over. Every other login is asked of the directory.
 */
public class DirectoryLogin {

    private static final Logger log = LoggerFactory.getLogger(DirectoryLogin.class);

    /** Otklik's login format (app_user_login_format). */
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9._-]{2,64}");

    private final AbstractLdapAuthenticationProvider directory;
    private final DirectorySettings settings;
    private final DirectoryAccounts accounts;

    DirectoryLogin(
            AbstractLdapAuthenticationProvider directory, DirectorySettings settings, DirectoryAccounts accounts) {
        this.directory = directory;
        this.settings = settings;
        this.accounts = accounts;
    }

    /** Local passwords first, then the directory for logins that have none. */
    public AuthenticationProvider after(DaoAuthenticationProvider local) {
        local.setHideUserNotFoundExceptions(false);
        return new AuthenticationProvider() {

            @Override
            public Authentication authenticate(Authentication attempt) {
                try {
                    return local.authenticate(attempt);
                } catch (UsernameNotFoundException notLocal) {
                    return DirectoryLogin.this.authenticate(attempt);
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return local.supports(authentication);
            }
        };
    }

    /** Binds as the person, then creates or updates them; a wrong password is a {@link BadCredentialsException}. */
    Authentication authenticate(Authentication attempt) {
        DirectoryPerson person = bind(attempt);
        String login = person.login().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(login).matches()) {
            log.warn("Логин '{}' из каталога не подходит для Отклика", login);
            throw new DirectoryLoginRefusedException(DirectoryLoginRefusedException.BAD_LOGIN);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> departments = new LinkedHashSet<>();
        for (String group : person.groups()) {
            String key = group.strip().toLowerCase(Locale.ROOT);
            Role role = settings.groupRoles().get(key);
            if (role != null) {
                roles.add(role);
            }
            String department = settings.groupDepartments().get(key);
            if (department != null) {
                departments.add(department);
            }
        }
        if (roles.isEmpty()) {
            log.info(
                    "Вход из каталога под логином '{}' отклонён: ни одна из групп {} не даёт роли в Отклике",
                    login,
                    person.groups());
            throw new DirectoryLoginRefusedException(DirectoryLoginRefusedException.NO_ROLE);
        }
        CurrentUser user = accounts.enrol(
                new DirectoryAccount(login, person.fullName(), person.email(), roles, departments),
                Set.copyOf(settings.groupDepartments().values()));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /**
     * The exceptions thrown here carry no cause: the login page keeps the failure in the session, which is stored in
     * PostgreSQL, and a JNDI exception need not serialize.
     */
    private DirectoryPerson bind(Authentication attempt) {
        try {
            return (DirectoryPerson) directory.authenticate(attempt).getPrincipal();
        } catch (BadCredentialsException wrongPassword) {
            throw new BadCredentialsException("Неверный логин или пароль");
        } catch (AccountStatusException locked) {
            // Disabled, locked or expired in the directory (AD's sub-codes)
            log.info(
                    "Вход из каталога под логином '{}' отклонён каталогом: {}", attempt.getName(), locked.getMessage());
            throw new DisabledException("Учётная запись отключена в каталоге");
        } catch (AuthenticationException | org.springframework.ldap.NamingException unavailable) {
            log.warn(
                    "Каталог {} не ответил на вход '{}': {}",
                    settings.url(),
                    attempt.getName(),
                    unavailable.toString());
            throw new DirectoryLoginRefusedException(DirectoryLoginRefusedException.UNAVAILABLE);
        }
    }
}
