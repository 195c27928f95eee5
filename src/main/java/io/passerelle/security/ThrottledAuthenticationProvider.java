package io.passerelle.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Refuses attempts for a throttled account or source before checking the password, and answers
 * every refusal with the same error as a wrong password, so nobody learns whether an account exists
 * or is blocked.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account = authentication.getName();
        String source = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        if (throttle.isBlocked(account, source)) {
            throttle.recordFailure(account, source);
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.recordSuccess(account);
            return result;
        } catch (InternalAuthenticationServiceException unchecked) {
            // the password was never checked (the database is away, say): no failed attempt to count, or a restart
            // of the database would leave everyone who tried to log in meanwhile blocked afterwards
            throw unchecked;
        } catch (AuthenticationException e) {
            throttle.recordFailure(account, source);
            // Disabled or unknown accounts look exactly like a wrong password from outside.
            throw new BadCredentialsException("Bad credentials", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
