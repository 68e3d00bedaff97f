package ru.otklik.people.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import ru.otklik.people.DirectoryLoginRefusedException;
import ru.otklik.people.LoginThrottledException;
import ru.otklik.people.directory.DirectoryLogin;

/**
 * Form-login authentication with throttling per canonical login and per client address: a blocked attempt is refused
 * before its password is checked. A wrong password, an unknown login and a disabled account all fail alike, with
 * the same message, and all count; the password is checked before the account's state, so that even the time taken
 * does not tell a disabled account from a wrong password.
 * With directory login enabled, logins without a local password are checked by the directory, throttled the same
 * way; a directory refusal for another reason than the password (no group, directory down) keeps its own message.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(
            UserAccounts accounts,
            PasswordEncoder encoder,
            LoginThrottle throttle,
            ObjectProvider<DirectoryLogin> directory) {
        DaoAuthenticationProvider local = new DaoAuthenticationProvider(accounts);
        local.setPasswordEncoder(encoder);
        local.setPreAuthenticationChecks(user -> {});
        local.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
        DirectoryLogin directoryLogin = directory.getIfAvailable();
        this.passwords = directoryLogin == null ? local : directoryLogin.after(local);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        if (throttle.isBlocked(login, address)) {
            throw new LoginThrottledException();
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.recordSuccess(login, address);
            return result;
        } catch (DirectoryLoginRefusedException ex) {
            throw ex;
        } catch (AuthenticationException ex) {
            throttle.recordFailure(login, address);
            throw new BadCredentialsException("Неверный логин или пароль", ex);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
