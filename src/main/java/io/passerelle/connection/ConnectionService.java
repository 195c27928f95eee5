package io.passerelle.connection;

import io.passerelle.connection.PushConnectionStore.EnabledPush;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerCategory;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.PartnerEventType;
import io.passerelle.partner.PartnerSettings;
import io.passerelle.partner.PartnerStyle;
import io.passerelle.partner.PayAtTablePartner;
import io.passerelle.partner.PayAtTableTarget;
import io.passerelle.partner.PosVersion;
import io.passerelle.partner.PushDeliveryOutcome;
import io.passerelle.partner.PushTarget;
import io.passerelle.partner.StandardWebhookSigner;
import io.passerelle.partner.WebhookUrl;
import io.passerelle.partner.WebhookUrlPolicy;
import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.CurrentUser;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.shared.UserFacingException;
import io.passerelle.shared.database.DuplicateKey;
import io.passerelle.shared.database.DuplicateKeyRefusals;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Partner connections. People (owners, reseller support, onboarding) manage the connections of the
 * restaurants they may see: every such method takes the restaurant id and passes the tenant wall first.
 * The machine-side methods at the end serve the partner API, where there is no person.
 */
@Service
@Validated
public class ConnectionService implements DuplicateKeyRefusals {

    /** Id of a connection not saved yet: ids start at 1. */
    private static final long NEW_CONNECTION = 0L;

    private final PartnerConnectionRepository connections;
    private final PushConnectionStore pushConnectionStore;
    private final ConnectionAuditRepository audit;
    private final PartnerCatalogue catalogue;
    private final RestaurantAccess access;
    private final RestaurantService restaurants;
    private final CurrentUser currentUser;
    private final SecretCipher cipher;
    private final WebhookUrlPolicy urlPolicy;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final PushConnectionCache pushConnectionCache;
    private final Clock clock;
    private final Map<Long, RecordedContact> recordedContacts = new ConcurrentHashMap<>();

    ConnectionService(PartnerConnectionRepository connections, PushConnectionStore pushConnectionStore,
            ConnectionAuditRepository audit, PartnerCatalogue catalogue, RestaurantAccess access,
            RestaurantService restaurants, CurrentUser currentUser, SecretCipher cipher, PartnerSettings partnerSettings,
            TransactionTemplate transactions, ApplicationEventPublisher events, PushConnectionCache pushConnectionCache,
            Clock clock) {
        this.connections = connections;
        this.pushConnectionStore = pushConnectionStore;
        this.audit = audit;
        this.catalogue = catalogue;
        this.access = access;
        this.restaurants = restaurants;
        this.currentUser = currentUser;
        this.cipher = cipher;
        this.urlPolicy = partnerSettings.webhookUrlPolicy();
        this.transactions = transactions;
        this.events = events;
        this.pushConnectionCache = pushConnectionCache;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PartnerConnection> connections(long restaurantId) {
        access.check(restaurantId);
        return connections.findByRestaurantIdOrderByPartnerCode(restaurantId);
    }

    @Transactional(readOnly = true)
    public PartnerConnection get(long restaurantId, long connectionId) {
        return visible(restaurantId, connectionId);
    }

    /** A push connection gets its signing secret here; a pull connection gets its API key on request. */
    @Transactional
    public PartnerConnection connect(@Valid ConnectPartner command) {
        long restaurantId = command.restaurantId();
        access.check(restaurantId);
        PartnerDescriptor partner = catalogue.byCode(command.partnerCode()).orElseThrow(() ->
                new RuleViolationException(ConnectPartner.PARTNER_FIELD, "connection.error.unknown-partner", "Unknown partner"));
        if (connections.existsByRestaurantIdAndPartnerCode(restaurantId, partner.code())) {
            throw alreadyConnected();
        }
        CheckedDetails details = check(partner, command.details(), true);
        if (details.enabled()) {
            requireNoOtherActive(restaurantId, partner.category(), NEW_CONNECTION);
        }
        Instant now = clock.instant();
        var connection = new PartnerConnection(restaurantId, partner, now);
        details.applyTo(connection, now);
        // the id first: it is part of what the secrets are bound to
        connection = connections.saveAndFlush(connection);
        if (partner.isPush()) {
            connection.storeToken(cipher.encrypt(details.token(), connection.getId(), SecretCipher.Purpose.TOKEN), now);
            connection.storeSigningSecret(cipher.encrypt(StandardWebhookSigner.newSecret(), connection.getId(),
                    SecretCipher.Purpose.SIGNING_SECRET));
        }
        record(connection, AuditAction.CONNECTED, String.join(",", details.givenFields()));
        // a push connection connected enabled is one more POS to tell of the restaurant's changes
        credentialsChanged(connection);
        return connection;
    }

    /** Refused when the connection changed since the dialog read {@code command.version()}. */
    @Transactional
    public PartnerConnection update(@Valid UpdateConnection command) {
        var connection = visible(command.restaurantId(), command.connectionId());
        if (connection.getVersion() != command.version()) {
            throw conflict();
        }
        PartnerDescriptor partner = partner(connection);
        CheckedDetails details = check(partner, command.details(), !connection.hasToken());
        if (details.enabled() && !connection.isEnabled()) {
            requireNoOtherActive(connection.getRestaurantId(), connection.getCategory(), connection.getId());
        }
        List<String> changed = details.changesFrom(connection);
        boolean payAtTableMoved = changed.contains("payAtTableServer") || changed.contains("installationId");
        Instant now = clock.instant();
        details.applyTo(connection, now);
        if (details.token() != null) {
            connection.storeToken(cipher.encrypt(details.token(), connection.getId(), SecretCipher.Purpose.TOKEN), now);
        }
        if (!changed.isEmpty()) {
            record(connection, AuditAction.UPDATED, String.join(",", changed));
        }
        // another Save committed since the compare above fails the version check here (what the machine records,
        // a POS contact or a credential test, is written without one and moves no version)
        try {
            connections.flush();
        } catch (OptimisticLockingFailureException concurrentChange) {
            throw conflict();
        }
        if (payAtTableMoved) {
            // a check of another server or installation says nothing about these; after the flush, the row is ours
            connections.clearPayAtTableCheck(connection.getId(), connection.getRestaurantId());
            connection.forgetPayAtTableCheck();
        }
        // a new token, or enabled/disabled; any edit counts, to keep this from falling behind the form's fields
        credentialsChanged(connection);
        return connection;
    }

    @Transactional
    public PartnerConnection setEnabled(long restaurantId, long connectionId, boolean enabled) {
        var connection = visible(restaurantId, connectionId);
        if (connection.isEnabled() == enabled) {
            return connection;
        }
        if (enabled) {
            requireNoOtherActive(restaurantId, connection.getCategory(), connection.getId());
        }
        connection.setEnabled(enabled, clock.instant());
        record(connection, enabled ? AuditAction.ENABLED : AuditAction.DISABLED, null);
        credentialsChanged(connection);
        return connection;
    }

    /**
     * Pull style: a new API key, returned this once and kept only as a hash. Generating again rotates:
     * the previous key stops working at once.
     */
    @Transactional
    public ApiKey generateApiKey(long restaurantId, long connectionId) {
        var connection = visible(restaurantId, connectionId);
        requireStyle(connection, PartnerStyle.PULL);
        boolean rotation = connection.getApiKeyHint().isPresent();
        ApiKey key = ApiKeys.generate();
        connection.storeApiKey(ApiKeys.hash(key.value()), key.hint(), clock.instant());
        record(connection, rotation ? AuditAction.API_KEY_ROTATED : AuditAction.API_KEY_GENERATED, key.hint());
        credentialsChanged(connection);
        return key;
    }

    /**
     * Installs credentials agreed outside Passerelle, e.g. a demo till or a POS already configured during a
     * migration: an API key (pull) and/or a signing secret (push). Staff only; audited without the values.
     */
    @PreAuthorize("hasAnyRole('ONBOARDING', 'ADMIN')")
    @Transactional
    public void installCredentials(long restaurantId, long connectionId, String apiKey, String signingSecret) {
        var connection = visible(restaurantId, connectionId);
        Instant now = clock.instant();
        if (apiKey != null) {
            requireStyle(connection, PartnerStyle.PULL);
            String hint = ApiKeys.hint(apiKey);
            connection.storeApiKey(ApiKeys.hash(apiKey), hint, now);
            record(connection, AuditAction.API_KEY_GENERATED, hint);
            credentialsChanged(connection);
        }
        if (signingSecret != null) {
            requireStyle(connection, PartnerStyle.PUSH);
            StandardWebhookSigner.requireValidSecret(signingSecret);
            connection.storeSigningSecret(cipher.encrypt(signingSecret, connection.getId(),
                    SecretCipher.Purpose.SIGNING_SECRET));
            record(connection, AuditAction.UPDATED, "signingSecret");
        }
    }

    /** Push style: the secret our webhook calls are signed with, for the person to enter in the POS. Audited. */
    @Transactional
    public String revealSigningSecret(long restaurantId, long connectionId) {
        var connection = visible(restaurantId, connectionId);
        requireStyle(connection, PartnerStyle.PUSH);
        String secret = cipher.decrypt(connection.getSigningSecretCiphertext(), connection.getId(),
                SecretCipher.Purpose.SIGNING_SECRET);
        record(connection, AuditAction.SIGNING_SECRET_REVEALED, null);
        return secret;
    }

    /**
     * Push style: a signed {@code connection.test} call to the webhook URL, its answer in plain words,
     * remembered on the connection. Pull style: when the POS last called with valid credentials, and with
     * which version. Audited either way.
     *
     * <p>Two short transactions instead of one: the call may last the whole timeout, and must not hold a
     * database connection meanwhile.
     */
    public CredentialTestResult testCredentials(long restaurantId, long connectionId) {
        access.check(restaurantId);
        PartnerConnection connection = transactions.execute(status -> find(restaurantId, connectionId));
        PartnerDescriptor partner = partner(Objects.requireNonNull(connection));
        CredentialTestResult result = partner.isPush() ? callPos(connection, partner) : lastContact(connection, partner);
        transactions.executeWithoutResult(status -> {
            var current = find(restaurantId, connectionId);
            if (partner.isPush()) {
                connections.recordTest(connectionId, restaurantId, result.testedAt(), result.outcome(),
                        result.posVersion() == null ? null : result.posVersion().toString());
            }
            record(current, AuditAction.CREDENTIALS_TESTED, result.outcome().name());
        });
        return result;
    }

    /**
     * Whether the connection's pay-at-table server answers for its installation ID (a signed read with no effect),
     * remembered on the connection until the server or the ID changes. Audited. Like the credential test, the call
     * runs between two short transactions.
     */
    public PayAtTableCheck checkPayAtTable(long restaurantId, long connectionId) {
        access.check(restaurantId);
        PartnerConnection connection = transactions.execute(status -> find(restaurantId, connectionId));
        PayAtTablePartner partner = catalogue.payAtTable(Objects.requireNonNull(connection).getPartnerCode())
                .filter(payAtTable -> connection.hasPayAtTable() && connection.hasSigningSecret())
                .orElseThrow(() -> new RuleViolationException(null, "connection.error.no-pay-at-table",
                        "This connection has no pay-at-table server and installation ID"));
        var check = new PayAtTableCheck(PayAtTableCheckOutcome.of(partner.checkInstallation(payAtTableTargetOf(
                connection))), clock.instant());
        transactions.executeWithoutResult(status -> {
            var current = find(restaurantId, connectionId);
            // recorded only if the person did not change the server or the ID meanwhile: this answer is about these
            connections.recordPayAtTableCheck(connectionId, restaurantId, connection.getPayAtTableServer(),
                    connection.getInstallationId(), check.checkedAt(), check.outcome());
            record(current, AuditAction.PAY_AT_TABLE_CHECKED, check.outcome().name());
        });
        return check;
    }

    /** Newest first unless the page asks for another order. */
    @Transactional(readOnly = true)
    public Page<ConnectionAuditEntry> auditTrail(long restaurantId, long connectionId, Pageable pageable) {
        access.check(restaurantId);
        Pageable ordered = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                        Sort.by(Sort.Direction.DESC, "occurredAt", "id"));
        return audit.findByRestaurantIdAndConnectionId(restaurantId, connectionId, ordered);
    }

    // --- Machine side: for the partner API, which has no user. The credential is the only proof of who calls.

    /**
     * Pull style: HTTP Basic of PROTOCOL.md, username = restaurant public ID, password = API key. Only an
     * enabled connection authenticates; the key is compared in constant time.
     */
    @Transactional(readOnly = true)
    public Optional<AuthenticatedConnection> authenticateApiKey(int publicId, String apiKey) {
        if (apiKey == null || !apiKey.startsWith(ApiKeys.PREFIX)) {
            return Optional.empty();
        }
        return restaurants.findByPublicId(publicId).flatMap(restaurant -> connections
                .findByRestaurantIdAndStyleAndEnabledTrue(restaurant.id(), PartnerStyle.PULL).stream()
                .filter(connection -> connection.getApiKeyHash() != null
                        && ApiKeys.matches(apiKey, connection.getApiKeyHash()))
                .findFirst()
                .map(connection -> authenticated(connection, restaurant)));
    }

    /**
     * Push style: {@code Authorization: Bearer <token>} with {@code X-Restaurant-Id: <public ID>}. Only an
     * enabled connection authenticates; the token is compared in constant time after decryption.
     */
    @Transactional(readOnly = true)
    public Optional<AuthenticatedConnection> authenticateToken(int publicId, String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        return restaurants.findByPublicId(publicId).flatMap(restaurant -> connections
                .findByRestaurantIdAndStyleAndEnabledTrue(restaurant.id(), PartnerStyle.PUSH).stream()
                .filter(connection -> connection.hasToken() && MessageDigest.isEqual(presented,
                        cipher.decrypt(connection.getTokenCiphertext(), connection.getId(), SecretCipher.Purpose.TOKEN)
                                .getBytes(StandardCharsets.UTF_8)))
                .findFirst()
                .map(connection -> authenticated(connection, restaurant)));
    }

    /**
     * After an authenticated POS call: when it was, and the version the POS reported ({@code X-Pos-Version};
     * null keeps the last known one). Feeds the pull-style credential test. A busy till calls many times a second:
     * within {@link PartnerConnection#CONTACT_PRECISION} of what this node last recorded, and with no new version,
     * nothing is written (nor by the statement, within that of what any node recorded).
     */
    public void recordPosContact(long restaurantId, long connectionId, PosVersion posVersion) {
        Instant now = clock.instant();
        RecordedContact last = recordedContacts.get(connectionId);
        if (last != null && last.restaurantId() == restaurantId
                && (posVersion == null || posVersion.equals(last.posVersion()))
                && last.at().isAfter(now.minus(PartnerConnection.CONTACT_PRECISION))) {
            return;
        }
        transactions.executeWithoutResult(status -> connections.recordContact(connectionId, restaurantId, now,
                posVersion == null ? null : posVersion.toString(), now.minus(PartnerConnection.CONTACT_PRECISION)));
        recordedContacts.put(connectionId, new RecordedContact(restaurantId, now,
                posVersion != null ? posVersion : last == null ? null : last.posVersion()));
    }

    /** The last POS call this node wrote down for a connection (of that restaurant: the tenant wall). */
    private record RecordedContact(long restaurantId, Instant at, PosVersion posVersion) {}

    // --- Machine side for the sync engine: no user, it acts for the platform.

    /**
     * The enabled push-style connections of one restaurant: the POS systems that must hear of its changes. Remembered
     * ({@link PushConnectionCache}): every reservation change asks.
     */
    @Transactional(readOnly = true)
    public List<PushConnection> enabledPushConnections(long restaurantId) {
        return pushConnectionCache.of(restaurantId, id -> connections.findByRestaurantIdAndStyleAndEnabledTrue(id,
                PartnerStyle.PUSH).stream().map(PushConnection::of).toList());
    }

    /** Every enabled push-style connection, by id, a page after {@code afterId}: the windows fan out over these. */
    @Transactional(readOnly = true)
    public List<PushConnection> enabledPushConnectionsAfter(long afterId, int limit) {
        return connections.findByStyleAndEnabledTrueAndIdGreaterThanOrderById(PartnerStyle.PUSH, afterId,
                Limit.of(limit)).stream().map(PushConnection::of).toList();
    }

    /** The connection if it is still an enabled push-style one. */
    @Transactional(readOnly = true)
    public Optional<PushConnection> findEnabledPush(long connectionId) {
        return connections.findByIdAndStyleAndEnabledTrue(connectionId, PartnerStyle.PUSH).map(PushConnection::of);
    }

    /**
     * Of these connections, those still enabled push-style ones, by id, each with its POS's target if it has a webhook
     * URL and a signing secret (decrypted: keep the result short-lived). For a batch of connections (the relay's), in
     * one query whatever their number.
     */
    @Transactional(readOnly = true)
    public Map<Long, CallablePushConnection> findEnabledPushToCall(Collection<Long> connectionIds) {
        if (connectionIds.isEmpty()) {
            return Map.of();
        }
        return pushConnectionStore.findEnabled(connectionIds).stream().collect(Collectors.toMap(
                enabled -> enabled.connection().connectionId(),
                enabled -> new CallablePushConnection(enabled.connection(), enabled.callable() ? pushTarget(enabled)
                        : null)));
    }

    private PushTarget pushTarget(EnabledPush enabled) {
        return new PushTarget(WebhookUrl.restore(enabled.webhookUrl()), cipher.decrypt(
                enabled.signingSecretCiphertext(), enabled.connection().connectionId(),
                SecretCipher.Purpose.SIGNING_SECRET), enabled.restaurantPublicId());
    }

    /**
     * Where an enabled push connection's POS serves pay at table, with the signing secret decrypted: keep the result
     * short-lived. Empty unless the connection has a pay-at-table server and installation ID.
     */
    @Transactional(readOnly = true)
    public Optional<PayAtTableTarget> payAtTableTarget(long connectionId) {
        return connections.findByIdAndStyleAndEnabledTrue(connectionId, PartnerStyle.PUSH)
                .filter(connection -> connection.hasPayAtTable() && connection.hasSigningSecret())
                .map(this::payAtTableTargetOf);
    }

    private PayAtTableTarget payAtTableTargetOf(PartnerConnection connection) {
        return new PayAtTableTarget(WebhookUrl.restore(connection.getPayAtTableServer()),
                connection.getInstallationId(), cipher.decrypt(connection.getSigningSecretCiphertext(),
                        connection.getId(), SecretCipher.Purpose.SIGNING_SECRET));
    }

    /** The POS answered 410 Gone: it removed this connection on its side. Disabled and audited as the sync engine's doing. */
    @Transactional
    public void disableAsGone(long connectionId) {
        connections.findById(connectionId).filter(PartnerConnection::isEnabled).ifPresent(connection -> {
            connection.setEnabled(false, clock.instant());
            audit.save(new ConnectionAuditEntry(connection, ConnectionAuditEntry.SYNC_ENGINE, clock.instant(),
                    AuditAction.DISABLED, ConnectionAuditEntry.POS_GONE));
            credentialsChanged(connection);
        });
    }

    private AuthenticatedConnection authenticated(PartnerConnection connection, RestaurantRef restaurant) {
        return new AuthenticatedConnection(connection.getId(), restaurant.id(), restaurant.publicId(),
                connection.getPartnerCode(), connection.getStyle(), partner(connection).minimumPosVersion(),
                connection.getEvents());
    }

    private CredentialTestResult callPos(PartnerConnection connection, PartnerDescriptor partner) {
        int publicId = restaurants.get(connection.getRestaurantId()).publicId();
        String signingSecret = cipher.decrypt(connection.getSigningSecretCiphertext(), connection.getId(),
                SecretCipher.Purpose.SIGNING_SECRET);
        var target = new PushTarget(WebhookUrl.restore(connection.getWebhookUrl()), signingSecret, publicId);
        PushDeliveryOutcome outcome = catalogue.pushAdapter(partner.code()).testConnection(target);
        return new CredentialTestResult(CredentialTestOutcome.of(outcome, partner.minimumPosVersion()),
                outcome.posVersion(), clock.instant());
    }

    private static CredentialTestResult lastContact(PartnerConnection connection, PartnerDescriptor partner) {
        return new CredentialTestResult(CredentialTestOutcome.ofLastContact(connection, partner.minimumPosVersion()),
                connection.getLastSeenPosVersion().orElse(null), connection.getLastSeenAt().orElse(null));
    }

    private CheckedDetails check(PartnerDescriptor partner, ConnectionDetails details, boolean tokenRequired) {
        if (!partner.supportedEvents().containsAll(details.events())) {
            throw new RuleViolationException("events", "connection.error.unsupported-event",
                    "The partner does not send one of these events");
        }
        if (!partner.isPush()) {
            return new CheckedDetails(null, null, null, null, details.events(), details.enabled());
        }
        String webhookText = blankToNull(details.webhookUrl());
        if (webhookText == null) {
            throw required("webhookUrl");
        }
        WebhookUrl webhookUrl = WebhookUrl.parse(webhookText, urlPolicy, "webhookUrl");
        String token = blankToNull(details.token());
        if (token == null && tokenRequired) {
            throw required("token");
        }
        WebhookUrl server = null;
        String installationId = null;
        if (partner.payAtTable()) {
            String serverText = blankToNull(details.payAtTableServer());
            installationId = blankToNull(details.installationId());
            // pay at table is optional, but needs both halves
            if (serverText == null && installationId != null) {
                throw required("payAtTableServer");
            }
            if (serverText != null && installationId == null) {
                throw required("installationId");
            }
            server = serverText == null ? null : WebhookUrl.parse(serverText, urlPolicy, "payAtTableServer");
        }
        return new CheckedDetails(webhookUrl, token, server, installationId, details.events(), details.enabled());
    }

    private void requireNoOtherActive(long restaurantId, PartnerCategory category, long exceptConnectionId) {
        otherActive(restaurantId, category, exceptConnectionId).ifPresent(refusal -> {
            throw refusal;
        });
    }

    private Optional<RuleViolationException> otherActive(long restaurantId, PartnerCategory category,
            long exceptConnectionId) {
        return connections.findFirstByRestaurantIdAndCategoryAndEnabledTrueAndIdNot(restaurantId, category,
                exceptConnectionId).map(active -> new RuleViolationException("enabled", "connection.error.category-taken",
                        "Another connection of this category is active", partner(active).name()));
    }

    /**
     * Two people racing to connect the same partner, or to enable two tills: the loser reads what the checks above
     * tell. The winner is committed by now, so the active till is found the same way.
     */
    @Override
    public Optional<RuleViolationException> refusalOf(DuplicateKey duplicate) {
        return switch (duplicate.constraint()) {
            case "uk_partner_connection_partner" -> Optional.of(alreadyConnected());
            case "uk_partner_connection_active_category" -> {
                String[] key = duplicate.value().split("-", 2);
                yield otherActive(Long.parseLong(key[0]), PartnerCategory.valueOf(key[1]), NEW_CONNECTION);
            }
            default -> Optional.empty();
        };
    }

    private static RuleViolationException alreadyConnected() {
        return new RuleViolationException(ConnectPartner.PARTNER_FIELD, "connection.error.already-connected",
                "This restaurant is already connected to this partner");
    }

    private static void requireStyle(PartnerConnection connection, PartnerStyle style) {
        if (connection.getStyle() != style) {
            throw new RuleViolationException(null, "connection.error.wrong-style",
                    "This action is for " + style + " connections only");
        }
    }

    /** Through the tenant wall: another tenant's connection is "not found", like one that does not exist. */
    private PartnerConnection visible(long restaurantId, long connectionId) {
        access.check(restaurantId);
        return find(restaurantId, connectionId);
    }

    private PartnerConnection find(long restaurantId, long connectionId) {
        return connections.findByIdAndRestaurantId(connectionId, restaurantId)
                .orElseThrow(() -> NotFoundException.forId("Connection", connectionId));
    }

    private PartnerDescriptor partner(PartnerConnection connection) {
        return catalogue.byCode(connection.getPartnerCode()).orElseThrow(() -> new IllegalStateException(
                "Connection " + connection.getId() + " is to partner " + connection.getPartnerCode()
                        + ", which is no longer in the catalogue"));
    }

    /**
     * What authenticates as this connection changed: remembered acceptances of it, and its restaurant's enabled push
     * connections, must go once this commits.
     */
    private void credentialsChanged(PartnerConnection connection) {
        events.publishEvent(new ConnectionCredentialsChanged(connection.getRestaurantId(), connection.getId()));
    }

    private void record(PartnerConnection connection, AuditAction action, String details) {
        String actor = currentUser.require().getUsername();
        audit.save(new ConnectionAuditEntry(connection, actor, clock.instant(), action,
                details == null || details.isEmpty() ? null : details));
    }

    private static UserFacingException conflict() {
        return new UserFacingException(null, "error.conflict", "The connection changed in the meantime");
    }

    private static RuleViolationException required(String field) {
        return new RuleViolationException(field, "connection.error.required", "Required for this partner: " + field);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Details checked against the partner: only the fields it uses, URLs parsed, blanks as null. */
    private record CheckedDetails(WebhookUrl webhookUrl, String token, WebhookUrl payAtTableServer,
            String installationId, Set<PartnerEventType> events, boolean enabled) {

        void applyTo(PartnerConnection connection, Instant now) {
            connection.configure(webhookUrl == null ? null : webhookUrl.value(),
                    payAtTableServer == null ? null : payAtTableServer.value(), installationId, events, enabled, now);
        }

        /** Names of the fields given, for the audit trail: never their values. */
        List<String> givenFields() {
            var given = new ArrayList<String>();
            addIf(given, webhookUrl != null, "webhookUrl");
            addIf(given, token != null, "token");
            addIf(given, payAtTableServer != null, "payAtTableServer");
            addIf(given, installationId != null, "installationId");
            addIf(given, !events.isEmpty(), "events");
            addIf(given, enabled, "enabled");
            return given;
        }

        /** Names of the fields that differ from the connection, for the audit trail: never their values. */
        List<String> changesFrom(PartnerConnection connection) {
            var changed = new ArrayList<String>();
            addIf(changed, !Objects.equals(webhookUrl == null ? null : webhookUrl.value(), connection.getWebhookUrl()),
                    "webhookUrl");
            addIf(changed, token != null, "token");
            addIf(changed, !Objects.equals(payAtTableServer == null ? null : payAtTableServer.value(),
                    connection.getPayAtTableServer()), "payAtTableServer");
            addIf(changed, !Objects.equals(installationId, connection.getInstallationId()), "installationId");
            addIf(changed, !events.equals(connection.getEvents()), "events");
            addIf(changed, enabled != connection.isEnabled(), "enabled");
            return changed;
        }

        private static void addIf(List<String> names, boolean condition, String name) {
            if (condition) {
                names.add(name);
            }
        }
    }
}
