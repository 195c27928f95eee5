package io.passerelle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session older than the absolute lifetime, whatever its activity: a stolen session cookie is worth a
 * bounded time. The request then goes on without a session, so the UI sends the person to the login page.
 */
class AbsoluteSessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration lifetime;
    private final Clock clock;

    AbsoluteSessionLifetimeFilter(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && isExpired(session)) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }

    private boolean isExpired(HttpSession session) {
        try {
            return Instant.ofEpochMilli(session.getCreationTime()).plus(lifetime).isBefore(clock.instant());
        } catch (IllegalStateException alreadyInvalidated) {
            return false;
        }
    }
}
