package io.passerelle.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** A person who logs in to Passerelle. The e-mail address is the user name. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int DISPLAY_NAME_MAX_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = EMAIL_MAX_LENGTH)
    private String email;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX_LENGTH)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AppRole role;

    @Column(name = "reseller_id")
    private Long resellerId;

    @Column(name = "preferred_locale", length = 16)
    private String preferredLocale;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "last_restaurant_id")
    private Long lastRestaurantId;

    @ElementCollection
    @CollectionTable(name = "user_restaurant", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "restaurant_id")
    private Set<Long> restaurantIds = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UserAccount() {}

    UserAccount(String email, String displayName, String passwordHash, AppRole role, Instant createdAt) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public AppRole getRole() {
        return role;
    }

    void setRole(AppRole role) {
        this.role = role;
    }

    public Long getResellerId() {
        return resellerId;
    }

    void setResellerId(Long resellerId) {
        this.resellerId = resellerId;
    }

    public Locale getPreferredLocale() {
        return preferredLocale == null ? null : Locale.forLanguageTag(preferredLocale);
    }

    void setPreferredLocale(Locale locale) {
        this.preferredLocale = locale == null ? null : locale.toLanguageTag();
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long getLastRestaurantId() {
        return lastRestaurantId;
    }

    void setLastRestaurantId(Long lastRestaurantId) {
        this.lastRestaurantId = lastRestaurantId;
    }

    public Set<Long> getRestaurantIds() {
        return Set.copyOf(restaurantIds);
    }

    void setRestaurantIds(Set<Long> ids) {
        restaurantIds.clear();
        restaurantIds.addAll(ids);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
