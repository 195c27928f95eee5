package io.passerelle.security;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/** Ends the open sessions of a person, e.g. when their account is disabled. */
@Component
class SessionTerminator {

    private final SessionRegistry sessionRegistry;

    SessionTerminator(SessionRegistry sessionRegistry) {
        this.sessionRegistry = sessionRegistry;
    }

    void endSessionsOf(long userId) {
        sessionRegistry.getAllPrincipals().stream()
                .filter(principal -> principal instanceof PasserelleUser user && user.userId() == userId)
                .flatMap(principal -> sessionRegistry.getAllSessions(principal, false).stream())
                .forEach(session -> session.expireNow());
    }
}
