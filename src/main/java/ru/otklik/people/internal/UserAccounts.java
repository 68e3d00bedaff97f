package ru.otklik.people.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.Logins;

/**
 * Loads people with a local password for Spring Security's form login, by the canonical form of the typed login
 * ({@link Logins}); a login that cannot be canonical names nobody. People from the directory are not found here:
 * their password is the directory's (see {@code people.directory.DirectoryLogin}).
 */
@Service
class UserAccounts implements UserDetailsService {

    private final Users users;

    UserAccounts(Users users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String login) {
        return Logins.canonical(login)
                .flatMap(users::findByLogin)
                .filter(user -> !user.isFromDirectory())
                .map(UserAccounts::loggedIn)
                .orElseThrow(() -> new UsernameNotFoundException("Неизвестный логин"));
    }

    /** The person as Spring Security keeps them in the session once logged in. */
    static CurrentUser loggedIn(User user) {
        return new CurrentUser(
                user.getId(),
                user.getLogin(),
                user.getFullName(),
                user.getRoles(),
                user.isEnabled(),
                user.mustChangePassword(),
                user.getPasswordHash());
    }
}
