package ru.otklik.people;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import ru.otklik.people.directory.DirectoryLogin;

/**
 * Form-login authentication with throttling per login: a blocked login is refused before its password is checked.
 * With directory login enabled, logins without a local password are checked by the directory, throttled the same way.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle,
            ObjectProvider<DirectoryLogin> directory) {
        DaoAuthenticationProvider local = new DaoAuthenticationProvider(accounts);
        local.setPasswordEncoder(encoder);
        DirectoryLogin directoryLogin = directory.getIfAvailable();
        this.passwords = directoryLogin == null ? local : directoryLogin.after(local);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        if (throttle.isBlocked(login)) {
            throw new LoginThrottledException();
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.recordSuccess(login);
            return result;
        }
        catch (BadCredentialsException ex) {
            throttle.recordFailure(login);
            throw ex;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
