package ru.otklik.people;

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

/**
 * Form-login authentication with throttling per canonical login and per client address: a blocked attempt is refused
 * before its password is checked. A wrong password, an unknown login and a disabled account all fail alike, with
 * the same message, and all count; the password is checked before the account's state, so that even the time taken
 * does not tell a disabled account from a wrong password.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setPreAuthenticationChecks(user -> {
        });
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        if (throttle.isBlocked(login, address)) {
            throw new LoginThrottledException();
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.recordSuccess(login, address);
            return result;
        }
        catch (AuthenticationException ex) {
            throttle.recordFailure(login, address);
            throw new BadCredentialsException("Неверный логин или пароль", ex);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
