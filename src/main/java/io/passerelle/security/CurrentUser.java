package io.passerelle.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Who is calling, for services that scope their work to the caller. */
@Component
public class CurrentUser {

    /** The application's, which method security reads too (Vaadin's: the session's user in a UI request). */
    private final SecurityContextHolderStrategy securityContexts;

    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategies) {
        this.securityContexts = strategies.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<PasserelleUser> get() {
        var authentication = securityContexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PasserelleUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The caller; a call without an authenticated user is a programming error, not a user error. */
    public PasserelleUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No authenticated user in this context"));
    }
}
