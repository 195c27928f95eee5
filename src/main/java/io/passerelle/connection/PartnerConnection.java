package io.passerelle.connection;

import io.passerelle.partner.PartnerCategory;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.PartnerEventType;
import io.passerelle.partner.PartnerStyle;
import io.passerelle.partner.PosVersion;
import io.passerelle.partner.WebhookUrl;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLock;

/**
 * One restaurant's connection to one partner. Secrets are held only as ciphertext (token, signing
 * secret) or hash (API key), and have no public getter: {@link ConnectionService} is the only reader.
 */
@Entity
@Table(name = "partner_connection")
@DynamicUpdate
public class PartnerConnection {

    /** How precisely "last seen" tells when a POS last called (a credential test, the health of pull connections). */
    static final Duration CONTACT_PRECISION = Duration.ofMinutes(1);

    public static final int TOKEN_MAX_LENGTH = 512;
    public static final int INSTALLATION_ID_MAX_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /**
     * What an edit started from ({@link UpdateConnection#version()}). Not moved by credentials issued (API key,
     * signing secret), marked {@code @OptimisticLock(excluded = true)}: a key generated in the dialog before its Save
     * is no conflict with it, and the Save never writes those fields from the form. Every update writes only the
     * columns it changed ({@code @DynamicUpdate}).
     *
     * <p>What the machine records (contacts, test and check results) is not written through the entity at all
     * ({@code updatable = false}), but by {@link PartnerConnectionRepository}'s targeted updates: an entity update
     * checks the version it was read with even when only excluded fields changed, so a result recorded after a Save
     * committed would fail; and an entity read before a result was recorded cannot write it back stale.
     */
    @Version
    private long version;

    @Column(name = "restaurant_id", nullable = false, updatable = false)
    private long restaurantId;

    @Column(name = "partner_code", nullable = false, updatable = false, length = PartnerDescriptor.CODE_MAX_LENGTH)
    private String partnerCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private PartnerCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private PartnerStyle style;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "webhook_url", length = WebhookUrl.MAX_LENGTH)
    private String webhookUrl;

    @Column(name = "token_ciphertext", length = 2800)
    private String tokenCiphertext;

    @Column(name = "signing_secret_ciphertext", length = 255)
    @OptimisticLock(excluded = true)
    private String signingSecretCiphertext;

    @Column(name = "api_key_hash", length = 64)
    @OptimisticLock(excluded = true)
    private String apiKeyHash;

    @Column(name = "api_key_hint", length = 16)
    @OptimisticLock(excluded = true)
    private String apiKeyHint;

    @Column(name = "pay_at_table_server", length = WebhookUrl.MAX_LENGTH)
    private String payAtTableServer;

    @Column(name = "installation_id", length = INSTALLATION_ID_MAX_LENGTH)
    private String installationId;

    @Convert(converter = PartnerEventsConverter.class)
    @Column(nullable = false, length = 255)
    private Set<PartnerEventType> events = Set.of();

    @Column(name = "last_seen_at", updatable = false)
    private Instant lastSeenAt;

    @Column(name = "last_seen_pos_version", length = PosVersion.MAX_LENGTH, updatable = false)
    private String lastSeenPosVersion;

    @Column(name = "last_test_at", updatable = false)
    private Instant lastTestAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_test_outcome", length = 32, updatable = false)
    private CredentialTestOutcome lastTestOutcome;

    @Column(name = "last_test_pos_version", length = PosVersion.MAX_LENGTH, updatable = false)
    private String lastTestPosVersion;

    @Column(name = "pay_at_table_checked_at", updatable = false)
    private Instant payAtTableCheckedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "pay_at_table_check_outcome", length = 32, updatable = false)
    private PayAtTableCheckOutcome payAtTableCheckOutcome;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    @OptimisticLock(excluded = true)
    private Instant updatedAt;

    protected PartnerConnection() {}

    PartnerConnection(long restaurantId, PartnerDescriptor partner, Instant now) {
        this.restaurantId = restaurantId;
        this.partnerCode = partner.code();
        this.category = partner.category();
        this.style = partner.style();
        this.createdAt = now;
        this.updatedAt = now;
    }

    void configure(String webhookUrl, String payAtTableServer, String installationId, Set<PartnerEventType> events,
            boolean enabled, Instant now) {
        this.webhookUrl = webhookUrl;
        this.payAtTableServer = payAtTableServer;
        this.installationId = installationId;
        this.events = Set.copyOf(events);
        this.enabled = enabled;
        this.updatedAt = now;
    }

    void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    void storeToken(String ciphertext, Instant now) {
        this.tokenCiphertext = ciphertext;
        this.updatedAt = now;
    }

    void storeSigningSecret(String ciphertext) {
        this.signingSecretCiphertext = ciphertext;
    }

    void storeApiKey(String hash, String hint, Instant now) {
        this.apiKeyHash = hash;
        this.apiKeyHint = hint;
        this.updatedAt = now;
    }

    String getTokenCiphertext() {
        return tokenCiphertext;
    }

    String getSigningSecretCiphertext() {
        return signingSecretCiphertext;
    }

    String getApiKeyHash() {
        return apiKeyHash;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public long getRestaurantId() {
        return restaurantId;
    }

    public String getPartnerCode() {
        return partnerCode;
    }

    public PartnerCategory getCategory() {
        return category;
    }

    public PartnerStyle getStyle() {
        return style;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public boolean hasToken() {
        return tokenCiphertext != null;
    }

    public boolean hasSigningSecret() {
        return signingSecretCiphertext != null;
    }

    /** The first characters of the current API key, safe to show; empty until a key is generated. */
    public Optional<String> getApiKeyHint() {
        return Optional.ofNullable(apiKeyHint);
    }

    public String getPayAtTableServer() {
        return payAtTableServer;
    }

    public String getInstallationId() {
        return installationId;
    }

    public Set<PartnerEventType> getEvents() {
        return events;
    }

    /** When the POS last called Passerelle successfully authenticated (pull style); empty: never seen. */
    public Optional<Instant> getLastSeenAt() {
        return Optional.ofNullable(lastSeenAt);
    }

    public Optional<PosVersion> getLastSeenPosVersion() {
        return Optional.ofNullable(lastSeenPosVersion).flatMap(PosVersion::tryParse);
    }

    public Optional<CredentialTestResult> getLastTest() {
        if (lastTestOutcome == null) {
            return Optional.empty();
        }
        return Optional.of(new CredentialTestResult(lastTestOutcome,
                lastTestPosVersion == null ? null : PosVersion.tryParse(lastTestPosVersion).orElse(null), lastTestAt));
    }

    /** Whether the connection has pay at table: a server and an installation ID. */
    public boolean hasPayAtTable() {
        return payAtTableServer != null && installationId != null;
    }

    /** Empty until checked, and again after the server or the installation ID changed. */
    public Optional<PayAtTableCheck> getLastPayAtTableCheck() {
        return Optional.ofNullable(payAtTableCheckOutcome)
                .map(outcome -> new PayAtTableCheck(outcome, payAtTableCheckedAt));
    }

    /**
     * As {@link PartnerConnectionRepository#clearPayAtTableCheck} left the row, for whoever holds this instance (the
     * columns are not updatable: Hibernate neither checks nor writes them).
     */
    void forgetPayAtTableCheck() {
        payAtTableCheckedAt = null;
        payAtTableCheckOutcome = null;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
