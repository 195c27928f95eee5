package io.passerelle.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated person, as the security context holds it. Which restaurants an owner may see is
 * not cached here: it is read from the database on every check, so a change applies at once.
 */
public final class PasserelleUser implements UserDetails, CredentialsContainer {

    private final long userId;
    private final String email;
    private final String displayName;
    private final AppRole role;
    private final Long resellerId;
    private final boolean enabled;
    private String passwordHash;

    PasserelleUser(UserAccount account) {
        this.userId = account.getId();
        this.email = account.getEmail();
        this.displayName = account.getDisplayName();
        this.role = account.getRole();
        this.resellerId = account.getResellerId();
        this.enabled = account.isEnabled();
        this.passwordHash = account.getPasswordHash();
    }

    public long userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public AppRole role() {
        return role;
    }

    /** The reseller a RESELLER_SUPPORT user works for; null for other roles. */
    public Long resellerId() {
        return resellerId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    // Sessions are registered per principal: two logins of the same account are the same principal.
    @Override
    public boolean equals(Object other) {
        return other instanceof PasserelleUser that && that.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "PasserelleUser[" + userId + ", " + role + "]";
    }
}
