package io.passerelle.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.partner.FakePos;
import io.passerelle.partner.PartnerEventType;
import io.passerelle.partner.PartnerStyle;
import io.passerelle.partner.PosVersion;
import io.passerelle.partner.StandardWebhookSigner;
import io.passerelle.security.AppRole;
import io.passerelle.security.UserAccount;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.shared.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@PasserelleTest
@Import(TestFixtures.class)
class ConnectionServiceTest {

    private static final String PULL = "cassasmart";
    private static final String PUSH = "caissepad";

    @Autowired
    ConnectionService service;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void pushSecretsAreEncryptedAtRestAndTheTokenAuthenticates() {
        var tenant = fixtures.tenant();
        String token = TestFixtures.unique("pos-token");
        var connection = connect(tenant, PUSH, details("http://127.0.0.1:9/webhook", token, true));

        var row = jdbc.queryForMap("select token_ciphertext, signing_secret_ciphertext from partner_connection where id = ?",
                connection.getId());
        assertThat((String) row.get("token_ciphertext")).startsWith("v1:").doesNotContain(token);
        String secret = as(tenant.owner(), () -> service.revealSigningSecret(tenant.restaurant().getId(), connection.getId()));
        assertThat(secret).startsWith("whsec_");
        assertThat((String) row.get("signing_secret_ciphertext")).startsWith("v1:").doesNotContain(secret.substring(6));
        assertNoStoredValueContains(connection.getId(), token, secret.substring(6));

        int publicId = tenant.restaurant().getPublicId();
        assertThat(service.authenticateToken(publicId, token)).hasValueSatisfying(authenticated -> {
            assertThat(authenticated.connectionId()).isEqualTo(connection.getId());
            assertThat(authenticated.restaurantId()).isEqualTo(tenant.restaurant().getId());
            assertThat(authenticated.style()).isEqualTo(PartnerStyle.PUSH);
            assertThat(authenticated.minimumPosVersion()).isEqualTo(PosVersion.parse("2.0.16"));
        });
        assertThat(service.authenticateToken(publicId, token + "x")).isEmpty();
        assertThat(service.authenticateToken(tenant.sibling().getPublicId(), token)).isEmpty();
        assertThat(service.authenticateApiKey(publicId, token)).isEmpty();
    }

    @Test
    void anApiKeyIsShownOnceStoredAsAHashAndRotationStopsTheOldOne() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        int publicId = tenant.restaurant().getPublicId();
        var connection = connect(tenant, PULL, details(null, null, true));

        ApiKey first = as(tenant.owner(), () -> service.generateApiKey(restaurantId, connection.getId()));

        assertThat(first.value()).startsWith("pk_").hasSize(46);
        assertThat(first.hint()).isEqualTo(first.value().substring(0, 7));
        assertThat(first.toString()).doesNotContain(first.value());
        assertThat(jdbc.queryForObject("select api_key_hash from partner_connection where id = ?", String.class,
                connection.getId())).isEqualTo(sha256(first.value()));
        assertNoStoredValueContains(connection.getId(), first.value(), first.value().substring(7));
        assertThat(service.authenticateApiKey(publicId, first.value())).hasValueSatisfying(authenticated -> {
            assertThat(authenticated.connectionId()).isEqualTo(connection.getId());
            assertThat(authenticated.publicId()).isEqualTo(publicId);
            assertThat(authenticated.partnerCode()).isEqualTo(PULL);
        });
        assertThat(as(tenant.owner(), () -> service.get(restaurantId, connection.getId())).getApiKeyHint())
                .contains(first.hint());

        ApiKey second = as(tenant.owner(), () -> service.generateApiKey(restaurantId, connection.getId()));

        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(service.authenticateApiKey(publicId, first.value())).isEmpty();
        assertThat(service.authenticateApiKey(publicId, second.value())).isPresent();
        assertThat(service.authenticateApiKey(tenant.sibling().getPublicId(), second.value())).isEmpty();
        assertThat(actions(tenant, connection)).containsExactly(AuditAction.API_KEY_ROTATED,
                AuditAction.API_KEY_GENERATED, AuditAction.CONNECTED);

        as(tenant.owner(), () -> service.setEnabled(restaurantId, connection.getId(), false));
        assertThat(service.authenticateApiKey(publicId, second.value())).as("disabled connection").isEmpty();
    }

    @Test
    void oneActiveTillPerRestaurant() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        var pull = connect(tenant, PULL, details(null, null, true));

        assertRuleViolation(() -> connect(tenant, PUSH, details("http://127.0.0.1:9/w", "t", true)), "enabled",
                "connection.error.category-taken", e -> assertThat(e.arguments()).containsExactly("CassaSmart"));

        var push = connect(tenant, PUSH, details("http://127.0.0.1:9/w", "t", false));
        assertRuleViolation(() -> as(tenant.owner(), () -> service.setEnabled(restaurantId, push.getId(), true)),
                "enabled", "connection.error.category-taken", e -> {});
        assertRuleViolation(() -> as(tenant.owner(), () -> service.update(new UpdateConnection(restaurantId, push.getId(),
                versionOf(tenant, push), details("http://127.0.0.1:9/w", null, true)))), "enabled",
                "connection.error.category-taken", e -> {});

        as(tenant.owner(), () -> service.setEnabled(restaurantId, pull.getId(), false));
        assertThat(as(tenant.owner(), () -> service.setEnabled(restaurantId, push.getId(), true)).isEnabled()).isTrue();
        // another restaurant has its own till
        var siblingTill = fixtures.runAs(tenant.support(), () -> service.connect(new ConnectPartner(tenant.sibling().getId(),
                PULL, details(null, null, true))));
        assertThat(siblingTill.isEnabled()).isTrue();
    }

    @Test
    void theRestaurantsPushConnectionsRememberedFollowEveryChangeOnceCommitted() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        assertThat(service.enabledPushConnections(restaurantId)).isEmpty();

        var push = connect(tenant, PUSH, details("http://127.0.0.1:9/w", "t", true));
        assertThat(service.enabledPushConnections(restaurantId)).extracting(PushConnection::connectionId)
                .containsExactly(push.getId());
        as(tenant.owner(), () -> service.setEnabled(restaurantId, push.getId(), false));
        assertThat(service.enabledPushConnections(restaurantId)).isEmpty();
        as(tenant.owner(), () -> service.update(new UpdateConnection(restaurantId, push.getId(), versionOf(tenant, push),
                details("http://127.0.0.1:9/w", null, true))));
        assertThat(service.enabledPushConnections(restaurantId)).hasSize(1);
        service.disableAsGone(push.getId());
        assertThat(service.enabledPushConnections(restaurantId)).isEmpty();
    }

    @Test
    void anEditStartedBeforeThePosSaidGoneIsRefusedAndTheConnectionStaysOff() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        var push = connect(tenant, PUSH, details("http://127.0.0.1:9/w", "t", true));
        long opened = versionOf(tenant, push);

        service.disableAsGone(push.getId());

        assertConflict(() -> as(tenant.owner(), () -> service.update(new UpdateConnection(restaurantId, push.getId(),
                opened, new ConnectionDetails("http://127.0.0.1:9/w", null, null, null,
                        Set.of(PartnerEventType.ORDER_OPENED), true)))));
        var stored = as(tenant.owner(), () -> service.get(restaurantId, push.getId()));
        assertThat(stored.isEnabled()).isFalse();
        assertThat(stored.getEvents()).isEmpty();
    }

    @Test
    void anEditStartedBeforeAnotherUsersIsRefusedAndKeepsTheirWebhookUrl() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        var push = connect(tenant, PUSH, details("http://127.0.0.1:9/old", "t", true));
        long opened = versionOf(tenant, push);
        fixtures.runAs(tenant.support(), () -> service.update(new UpdateConnection(restaurantId, push.getId(), opened,
                details("http://127.0.0.1:9/new", null, true))));

        assertConflict(() -> as(tenant.owner(), () -> service.update(new UpdateConnection(restaurantId, push.getId(),
                opened, details("http://127.0.0.1:9/old", null, true)))));
        assertThat(as(tenant.owner(), () -> service.get(restaurantId, push.getId())).getWebhookUrl())
                .isEqualTo("http://127.0.0.1:9/new");
    }

    @Test
    void aWriteOverlappingAnEditIsReportedAsAConflictNotAFailure() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        var push = connect(tenant, PUSH, details("http://127.0.0.1:9/w", "t", true));
        var overlapping = new TransactionTemplate(transactionManager);
        overlapping.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        // the edit reads the row, then another transaction (the sync engine, say) commits a change to it before the
        // edit flushes: the version compare passes, JPA's version check on the UPDATE does not
        assertConflict(() -> as(tenant.owner(), () -> new TransactionTemplate(transactionManager).execute(status -> {
            long read = service.get(restaurantId, push.getId()).getVersion();
            overlapping.executeWithoutResult(inner -> jdbc.update(
                    "update partner_connection set enabled = false, version = version + 1 where id = ?", push.getId()));
            return service.update(new UpdateConnection(restaurantId, push.getId(), read,
                    details("http://127.0.0.1:9/w", null, true)));
        })));
        assertThat(as(tenant.owner(), () -> service.get(restaurantId, push.getId())).isEnabled()).isFalse();
    }

    @Test
    void theDatabaseAlsoRefusesASecondActiveConnectionOfACategory() {
        var tenant = fixtures.tenant();
        connect(tenant, PULL, details(null, null, true));
        String insert = """
                insert into partner_connection (restaurant_id, partner_code, category, style, enabled, events,
                                                created_at, updated_at)
                values (?, ?, 'TILL_POS', 'PUSH', ?, '', now(), now())""";

        assertThatThrownBy(() -> jdbc.update(insert, tenant.restaurant().getId(), "another-till", true))
                .isInstanceOf(DataIntegrityViolationException.class);
        // disabled rows do not count
        assertThat(jdbc.update(insert, tenant.restaurant().getId(), "another-till", false)).isEqualTo(1);
        assertThat(jdbc.update(insert, tenant.restaurant().getId(), "a-third-till", false)).isEqualTo(1);
    }

    @Test
    void refusesWhatThePartnerCannotTakeOnTheFieldConcerned() {
        var tenant = fixtures.tenant();
        assertRuleViolation(() -> connect(tenant, PUSH, details("http://example.com/hook", "t", true)), "webhookUrl",
                "partner.url.https-required", e -> {});
        assertRuleViolation(() -> connect(tenant, PUSH, details("https://10.0.0.1/hook", "t", true)), "webhookUrl",
                "partner.url.private-address", e -> {});
        assertRuleViolation(() -> connect(tenant, PUSH, details(" ", "t", true)), "webhookUrl",
                "connection.error.required", e -> {});
        assertRuleViolation(() -> connect(tenant, PUSH, details("http://127.0.0.1:9/w", "", true)), "token",
                "connection.error.required", e -> {});
        assertRuleViolation(() -> connect(tenant, PUSH, new ConnectionDetails("http://127.0.0.1:9/w", "t",
                "http://127.0.0.1:9/pay", null, Set.of(), true)), "installationId", "connection.error.required", e -> {});
        assertRuleViolation(() -> connect(tenant, PUSH, new ConnectionDetails("http://127.0.0.1:9/w", "t",
                "https://192.168.1.20/pay", "inst-1", Set.of(), true)), "payAtTableServer", "partner.url.private-address",
                e -> {});
        assertRuleViolation(() -> connect(tenant, PULL, new ConnectionDetails(null, null, null, null,
                Set.of(PartnerEventType.ORDER_PAID_AT_TABLE), true)), "events", "connection.error.unsupported-event",
                e -> {});
        assertRuleViolation(() -> connect(tenant, "no-such-pos", details(null, null, true)), "partnerCode",
                "connection.error.unknown-partner", e -> {});
        assertThat(as(tenant.owner(), () -> service.connections(tenant.restaurant().getId()))).isEmpty();

        connect(tenant, PULL, details(null, null, false));
        assertRuleViolation(() -> connect(tenant, PULL, details(null, null, false)), "partnerCode",
                "connection.error.already-connected", e -> {});
    }

    @Test
    void anEmptyTokenOnUpdateKeepsTheStoredOneAndEveryChangeIsAuditedWithoutItsValue() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        int publicId = tenant.restaurant().getPublicId();
        String token = TestFixtures.unique("first-token");
        var connection = connect(tenant, PUSH, new ConnectionDetails("http://127.0.0.1:9/w", token, "http://127.0.0.1:9/pay",
                "inst-1", Set.of(PartnerEventType.ORDER_OPENED), true));

        as(tenant.owner(), () -> service.update(new UpdateConnection(restaurantId, connection.getId(),
                versionOf(tenant, connection), new ConnectionDetails("http://127.0.0.1:9/w2", "", "http://127.0.0.1:9/pay",
                        "inst-1", Set.of(PartnerEventType.ORDER_OPENED, PartnerEventType.ORDER_CLOSED), true))));
        assertThat(service.authenticateToken(publicId, token)).isPresent();

        String newToken = TestFixtures.unique("second-token");
        var updated = as(tenant.owner(), () -> service.update(new UpdateConnection(restaurantId, connection.getId(),
                versionOf(tenant, connection), new ConnectionDetails("http://127.0.0.1:9/w2", newToken, null, null,
                        Set.of(PartnerEventType.ORDER_OPENED, PartnerEventType.ORDER_CLOSED), true))));
        assertThat(service.authenticateToken(publicId, token)).isEmpty();
        assertThat(service.authenticateToken(publicId, newToken)).isPresent();
        assertThat(updated.getPayAtTableServer()).isNull();
        assertThat(updated.getEvents()).containsExactlyInAnyOrder(PartnerEventType.ORDER_OPENED,
                PartnerEventType.ORDER_CLOSED);
        assertThat(jdbc.queryForObject("select events from partner_connection where id = ?", String.class,
                connection.getId())).isEqualTo("order.opened,order.closed");

        var trail = as(tenant.owner(), () -> service.auditTrail(restaurantId, connection.getId(), PageRequest.of(0, 10)))
                .getContent();
        assertThat(trail).extracting(ConnectionAuditEntry::getAction)
                .containsExactly(AuditAction.UPDATED, AuditAction.UPDATED, AuditAction.CONNECTED);
        assertThat(trail.get(0).getDetails()).isEqualTo("token,payAtTableServer,installationId");
        assertThat(trail.get(1).getDetails()).isEqualTo("webhookUrl,events");
        assertThat(trail).allSatisfy(entry -> assertThat(entry.getActor()).isEqualTo(tenant.owner().getEmail()));
        List<String> auditText = jdbc.queryForList("select concat_ws('|', actor, action, coalesce(details, '')) "
                + "from connection_audit where connection_id = ?", String.class, connection.getId());
        assertThat(auditText).hasSize(3).noneMatch(text -> text.contains(token) || text.contains(newToken)
                || text.contains("127.0.0.1") || text.contains("inst-1"));
    }

    @Test
    void nobodyReachesAnotherTenantsConnection() {
        var tenant = fixtures.tenant();
        var other = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        var connection = connect(tenant, PUSH, details("http://127.0.0.1:9/w", "t", true));
        long id = connection.getId();

        for (UserAccount outsider : List.of(other.owner(), other.support())) {
            for (long claimedRestaurant : List.of(restaurantId, other.restaurant().getId())) {
                assertNotFound(outsider, () -> service.get(claimedRestaurant, id));
                assertNotFound(outsider, () -> service.update(new UpdateConnection(claimedRestaurant, id, connection.getVersion(),
                        details("http://127.0.0.1:9/mine", "stolen", true))));
                assertNotFound(outsider, () -> service.setEnabled(claimedRestaurant, id, false));
                assertNotFound(outsider, () -> service.testCredentials(claimedRestaurant, id));
                assertNotFound(outsider, () -> service.generateApiKey(claimedRestaurant, id));
                assertNotFound(outsider, () -> service.revealSigningSecret(claimedRestaurant, id));
            }
            assertNotFound(outsider, () -> service.connections(restaurantId));
            assertNotFound(outsider, () -> service.auditTrail(restaurantId, id, PageRequest.of(0, 5)));
            assertThat(fixtures.runAs(outsider, () -> service.auditTrail(other.restaurant().getId(), id,
                    PageRequest.of(0, 5)))).isEmpty();
        }
        // the owner, through the sibling restaurant it does not own, and staff, through the wrong restaurant
        assertNotFound(tenant.owner(), () -> service.get(tenant.sibling().getId(), id));
        assertNotFound(fixtures.staff(AppRole.ONBOARDING), () -> service.get(tenant.sibling().getId(), id));

        // those who may see the restaurant do
        for (UserAccount insider : List.of(tenant.owner(), tenant.support(), fixtures.staff(AppRole.ONBOARDING),
                fixtures.staff(AppRole.ADMIN))) {
            assertThat(fixtures.runAs(insider, () -> service.get(restaurantId, id)).getId()).isEqualTo(id);
        }
        assertThat(service.authenticateToken(tenant.restaurant().getPublicId(), "t")).isPresent();
        assertThat(jdbc.queryForObject("select enabled from partner_connection where id = ?", Boolean.class, id)).isTrue();
    }

    @Test
    void theCredentialTestCallsThePosSignedAndSaysWhatItAnswered() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        String token = TestFixtures.unique("pos-token");
        try (var pos = FakePos.start()) {
            var connection = connect(tenant, PUSH, details(pos.url(), token, true));
            long id = connection.getId();
            String secret = as(tenant.owner(), () -> service.revealSigningSecret(restaurantId, id));

            pos.answers(200, "{\"posVersion\":\"2.0.16\"}");
            Instant before = Instant.now();
            var result = as(tenant.owner(), () -> service.testCredentials(restaurantId, id));
            assertThat(result.outcome()).isEqualTo(CredentialTestOutcome.OK);
            assertThat(result.posVersion()).isEqualTo(PosVersion.parse("2.0.16"));
            assertThat(result.testedAt()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
            var request = pos.last();
            assertThat(request.bodyText()).isEqualTo("{\"type\":\"connection.test\",\"restaurantId\":"
                    + tenant.restaurant().getPublicId() + "}");
            assertThat(StandardWebhookSigner.verify(request.headers().get("webhook-id"),
                    Long.parseLong(request.headers().get("webhook-timestamp")), request.body(), secret,
                    request.headers().get("webhook-signature"))).isTrue();
            assertThat(request.headers().values()).noneMatch(value -> value.contains(token));
            assertThat(as(tenant.owner(), () -> service.get(restaurantId, id)).getLastTest())
                    .hasValueSatisfying(last -> assertThat(last.outcome()).isEqualTo(CredentialTestOutcome.OK));

            pos.answers(200, "{\"posVersion\":\"2.0.9\"}");
            assertOutcome(tenant, id, CredentialTestOutcome.POS_TOO_OLD);
            pos.answers(204, "");
            assertOutcome(tenant, id, CredentialTestOutcome.OK_VERSION_UNKNOWN);
            pos.answers(401, "");
            assertOutcome(tenant, id, CredentialTestOutcome.BAD_TOKEN);
            pos.answers(403, "");
            assertOutcome(tenant, id, CredentialTestOutcome.BAD_TOKEN);
            pos.answers(404, "");
            assertOutcome(tenant, id, CredentialTestOutcome.UNKNOWN_RESTAURANT);
            pos.answers(503, "");
            assertOutcome(tenant, id, CredentialTestOutcome.POS_ERROR);

            as(tenant.owner(), () -> service.update(new UpdateConnection(restaurantId, id, versionOf(tenant, connection),
                    details(FakePos.nobodyListening(), null, true))));
            assertThat(as(tenant.owner(), () -> service.testCredentials(restaurantId, id)).outcome())
                    .isEqualTo(CredentialTestOutcome.UNREACHABLE);
            assertThat(jdbc.queryForObject("select last_test_outcome from partner_connection where id = ?", String.class,
                    id)).isEqualTo("UNREACHABLE");
            assertThat(actions(tenant, connection)).filteredOn(AuditAction.CREDENTIALS_TESTED::equals).hasSize(8);
        }
    }

    @Test
    void aCredentialTestRecordedAfterASaveIsStoredAndLeavesTheSavedFieldsAlone() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        try (var pos = FakePos.start()) {
            var push = connect(tenant, PUSH, details(pos.url(), "t", true));
            long id = push.getId();
            pos.answers(200, "{\"posVersion\":\"2.0.16\"}");
            var save = new TransactionTemplate(transactionManager);
            save.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

            // the test holds the connection as read before the Save committed: the version it carries is the old one
            var result = as(tenant.owner(), () -> new TransactionTemplate(transactionManager).execute(status -> {
                long read = service.get(restaurantId, id).getVersion();
                save.executeWithoutResult(inner -> service.update(new UpdateConnection(restaurantId, id, read,
                        new ConnectionDetails(pos.url(), null, null, null, Set.of(PartnerEventType.ORDER_OPENED),
                                true))));
                return service.testCredentials(restaurantId, id);
            }));

            assertThat(result.outcome()).isEqualTo(CredentialTestOutcome.OK);
            var stored = as(tenant.owner(), () -> service.get(restaurantId, id));
            assertThat(stored.getLastTest()).hasValueSatisfying(last -> {
                assertThat(last.outcome()).isEqualTo(CredentialTestOutcome.OK);
                assertThat(last.posVersion()).isEqualTo(PosVersion.parse("2.0.16"));
            });
            assertThat(stored.getEvents()).containsExactly(PartnerEventType.ORDER_OPENED);
            assertThat(stored.getVersion()).isEqualTo(push.getVersion() + 1);
        }
    }

    @Test
    void aPullConnectionsTestTellsWhenThePosLastCalled() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        var connection = connect(tenant, PULL, details(null, null, true));
        long id = connection.getId();

        var never = as(tenant.owner(), () -> service.testCredentials(restaurantId, id));
        assertThat(never.outcome()).isEqualTo(CredentialTestOutcome.NEVER_SEEN);
        assertThat(never.testedAt()).isNull();

        service.recordPosContact(tenant.sibling().getId(), id, PosVersion.parse("5.3.1"));
        assertThat(as(tenant.owner(), () -> service.testCredentials(restaurantId, id)).outcome())
                .as("a contact recorded for another restaurant's id does not touch this connection")
                .isEqualTo(CredentialTestOutcome.NEVER_SEEN);
        service.recordPosContact(restaurantId, id, PosVersion.parse("5.3.1"));
        var seen = as(tenant.owner(), () -> service.testCredentials(restaurantId, id));
        assertThat(seen.outcome()).isEqualTo(CredentialTestOutcome.SEEN);
        assertThat(seen.posVersion()).isEqualTo(PosVersion.parse("5.3.1"));
        assertThat(seen.testedAt()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));

        service.recordPosContact(restaurantId, id, null);
        assertThat(as(tenant.owner(), () -> service.testCredentials(restaurantId, id)).posVersion())
                .as("a call without a version keeps the last known one").isEqualTo(PosVersion.parse("5.3.1"));
        service.recordPosContact(restaurantId, id, PosVersion.parse("5.1.9"));
        assertThat(as(tenant.owner(), () -> service.testCredentials(restaurantId, id)).outcome())
                .isEqualTo(CredentialTestOutcome.POS_TOO_OLD);
        assertThat(actions(tenant, connection)).filteredOn(AuditAction.CREDENTIALS_TESTED::equals).hasSize(5);
    }

    private void assertOutcome(Tenant tenant, long id, CredentialTestOutcome expected) {
        assertThat(as(tenant.owner(), () -> service.testCredentials(tenant.restaurant().getId(), id)).outcome())
                .isEqualTo(expected);
    }

    private PartnerConnection connect(Tenant tenant, String partner, ConnectionDetails details) {
        return as(tenant.owner(), () -> service.connect(new ConnectPartner(tenant.restaurant().getId(), partner, details)));
    }

    private static ConnectionDetails details(String webhookUrl, String token, boolean enabled) {
        return new ConnectionDetails(webhookUrl, token, null, null, Set.of(), enabled);
    }

    /** The connection's version as stored now: what a dialog opened at this point would read. */
    private long versionOf(Tenant tenant, PartnerConnection connection) {
        return as(tenant.owner(), () -> service.get(tenant.restaurant().getId(), connection.getId())).getVersion();
    }

    private List<AuditAction> actions(Tenant tenant, PartnerConnection connection) {
        return as(tenant.owner(), () -> service.auditTrail(tenant.restaurant().getId(), connection.getId(),
                PageRequest.of(0, 50))).map(ConnectionAuditEntry::getAction).getContent();
    }

    private <T> T as(UserAccount account, Supplier<T> block) {
        return fixtures.runAs(account, block);
    }

    private void assertNotFound(UserAccount account, ThrowingCallable call) {
        assertThatThrownBy(() -> fixtures.runAs(account, () -> {
            try {
                call.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            return null;
        })).as(account.getRole().name()).isInstanceOf(NotFoundException.class);
    }

    private static void assertConflict(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("error.conflict"));
    }

    private static void assertRuleViolation(ThrowingCallable call, String field, String messageKey,
            Consumer<RuleViolationException> more) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(messageKey);
            more.accept(e);
        });
    }

    /** Every column of the connection's row and of its audit rows, as text. */
    private void assertNoStoredValueContains(long connectionId, String... secrets) {
        Map<String, Object> row = jdbc.queryForMap("select * from partner_connection where id = ?", connectionId);
        var stored = new ArrayList<String>(row.values().stream().map(String::valueOf).toList());
        stored.addAll(jdbc.queryForList("select concat_ws('|', actor, action, coalesce(details, '')) from connection_audit "
                + "where connection_id = ?", String.class, connectionId));
        for (String secret : secrets) {
            assertThat(stored).noneMatch(value -> value.contains(secret));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
