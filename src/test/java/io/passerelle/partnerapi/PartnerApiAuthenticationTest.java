package io.passerelle.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.AppServerTest;
import io.passerelle.TestFixtures;
import io.passerelle.connection.ConnectionDetails;
import io.passerelle.connection.UpdateConnection;
import io.passerelle.partnerapi.PartnerApiKit.Pos;
import io.passerelle.restaurant.Restaurant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class PartnerApiAuthenticationTest extends AppServerTest {

    private static final String WEBHOOK = "http://127.0.0.1:9/webhooks/cached";

    @Autowired
    TransactionTemplate transactions;

    PartnerApiKit api;

    @BeforeEach
    void setUp() {
        api = new PartnerApiKit(port, fixtures, connections);
    }

    @Test
    void basicWithTheApiKeyAuthenticatesAndPingNamesTheRestaurant() {
        var tenant = fixtures.tenant();
        Pos pos = api.pull(tenant);

        var reply = api.send(pos, "GET", "/ping", null, null, "X-Pos-Version", "5.3.1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("restaurantId").asInt()).isEqualTo(tenant.restaurant().getPublicId());
        assertThat(reply.json().get("restaurantName").asString()).isEqualTo(tenant.restaurant().getName());
        assertThat(reply.json().get("connectionId").asLong()).isEqualTo(pos.connectionId());
        assertThat(reply.json().get("partner").asString()).isEqualTo(PartnerApiKit.PULL_PARTNER);
        var connection = fixtures.runAsStaff(() -> connections.get(tenant.restaurant().getId(), pos.connectionId()));
        assertThat(connection.getLastSeenPosVersion()).hasValueSatisfying(v -> assertThat(v).hasToString("5.3.1"));
    }

    @Test
    void aPosOlderThanThePartnersMinimumGets422WithAClearDetail() {
        Pos pos = api.pull(fixtures.tenant());

        var reply = api.send(pos, "GET", "/ping", null, null, "X-Pos-Version", "5.1.9");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains("5.1.9").contains("5.2.0");
        assertThat(reply.json().get("type").asString()).isEqualTo("https://passerelle.io/problems/pos-version-too-old");
    }

    @Test
    void aWrongKeyOrNoCredentialsGet401ProblemsThatEchoNoSecret() {
        var tenant = fixtures.tenant();
        Pos pos = api.pull(tenant);
        String wrongKey = "pk_thisIsNotTheKeyAtAll0123456789";

        var wrong = api.get(pos.withAuthorization(PartnerApiKit.basic(pos.publicId(), wrongKey)), "/ping");
        var none = api.get(pos.withAuthorization(null), "/ping");
        var scheme = api.get(pos.withAuthorization("Digest abc"), "/ping");

        for (var reply : List.of(wrong, none, scheme)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.text()).doesNotContain(wrongKey).doesNotContain("pk_");
            assertThat(reply.header("Set-Cookie")).isNull();
        }
    }

    @Test
    void aRotatedKeyStopsWorkingAtOnce() {
        var tenant = fixtures.tenant();
        Pos pos = api.pull(tenant);
        assertThat(api.get(pos, "/ping").status()).isEqualTo(200);

        String newKey = fixtures.runAsStaff(() ->
                connections.generateApiKey(tenant.restaurant().getId(), pos.connectionId()).value());

        assertThat(api.get(pos, "/ping").status()).isEqualTo(401);
        assertThat(api.get(pos.withAuthorization(PartnerApiKit.basic(pos.publicId(), newKey)), "/ping").status())
                .isEqualTo(200);
    }

    // The credential cache (passerelle.partner-api.credential-cache-ttl, 10 s here as by default) remembers accepted
    // credentials: each test below has them accepted first, so that a stale memory would let the old one in.

    @Test
    void aDisabledConnectionIsRefusedAtOnceButNotForAChangeRolledBack() {
        var tenant = fixtures.tenant();
        Pos pos = acceptedPushTill(tenant.restaurant());
        transactions.executeWithoutResult(status -> {
            enable(tenant, pos, false);
            status.setRollbackOnly();
        });
        assertThat(api.get(pos, "/ping").status()).isEqualTo(200);

        enable(tenant, pos, false);

        assertThat(api.get(pos, "/ping").status()).isEqualTo(401);
        enable(tenant, pos, true);
        assertThat(api.get(pos, "/ping").status()).isEqualTo(200);
    }

    @Test
    void aReplacedTokenStopsWorkingAtOnce() {
        var tenant = fixtures.tenant();
        Pos pos = acceptedPushTill(tenant.restaurant());
        String newToken = "tok_" + UUID.randomUUID();

        long restaurantId = tenant.restaurant().getId();
        fixtures.runAsStaff(() -> connections.update(new UpdateConnection(restaurantId, pos.connectionId(),
                connections.get(restaurantId, pos.connectionId()).getVersion(),
                new ConnectionDetails(WEBHOOK, newToken, null, null, Set.of(), true))));

        assertThat(api.get(pos, "/ping").status()).isEqualTo(401);
        assertThat(api.get(pos.withAuthorization("Bearer " + newToken), "/ping").status()).isEqualTo(200);
    }

    /** A push till whose token was accepted once, so that the credential cache remembers it. */
    private Pos acceptedPushTill(Restaurant restaurant) {
        Pos pos = api.push(restaurant, WEBHOOK);
        assertThat(api.get(pos, "/ping").status()).isEqualTo(200);
        return pos;
    }

    private void enable(TestFixtures.Tenant tenant, Pos pos, boolean enabled) {
        fixtures.runAsStaff(() -> connections.setEnabled(tenant.restaurant().getId(), pos.connectionId(), enabled));
    }

    @Test
    void aBearerTokenNeedsItsRestaurantHeader() {
        var tenant = fixtures.tenant();
        Pos pos = api.push(tenant.restaurant(), "http://127.0.0.1:9/webhooks/x");

        assertThat(api.get(pos, "/ping").status()).isEqualTo(200);
        var withoutHeader = api.get(pos.withRestaurantHeader(null), "/ping");
        assertThat(withoutHeader.status()).isEqualTo(401);
        assertThat(withoutHeader.json().get("detail").asString()).contains("X-Restaurant-Id");
        assertThat(withoutHeader.text()).doesNotContain(api.pushToken(pos));
    }

    @Test
    void oneRestaurantsCredentialNeverReachesAnotherRestaurant() {
        var tenant = fixtures.tenant();
        Pos siblingTill = api.push(tenant.sibling(), "http://127.0.0.1:9/webhooks/y");
        Pos pull = api.pull(tenant);

        // the token of the sibling, naming the first restaurant; the API key of the first, naming the sibling
        var tokenElsewhere = api.get(siblingTill.withRestaurantHeader(String.valueOf(tenant.restaurant().getPublicId())),
                "/reservations?from=2026-01-01&to=2026-01-31");
        String key = pull.authorization();
        String decoded = new String(Base64.getDecoder().decode(key.substring(6)));
        String apiKey = decoded.substring(decoded.indexOf(':') + 1);
        var keyElsewhere = api.get(pull.withAuthorization(PartnerApiKit.basic(tenant.sibling().getPublicId(), apiKey)),
                "/reservations?from=2026-01-01&to=2026-01-31");

        assertThat(tokenElsewhere.status()).isEqualTo(401);
        assertThat(keyElsewhere.status()).isEqualTo(401);
        assertThat(tokenElsewhere.text()).doesNotContain("reservations");
        assertThat(keyElsewhere.text()).doesNotContain("reservations");
    }

    // Sources are told apart by X-Forwarded-For, believed from 127.0.0.1 as from any proxy on a private address
    // (server.forward-headers-strategy=native), so the API sees them as it sees POSes behind the load balancer.

    @Test
    void failuresForARestaurantBlockTheFailingSourceButNeverTheRightCredential() {
        Pos pos = api.pull(fixtures.tenant());
        Pos wrong = pos.withAuthorization(PartnerApiKit.basic(pos.publicId(), "pk_wrong"));
        String attacker = "203.0.113.10";
        String till = "203.0.113.11";
        String otherAttacker = "203.0.113.12";
        for (int i = 0; i < 10; i++) {
            assertThat(ping(wrong, attacker).status()).isEqualTo(401);
        }

        var blocked = ping(wrong, attacker);
        var rightKeyFromTheAttacker = ping(pos, attacker);
        var rightKeyFromTheTill = ping(pos, till);
        var wrongKeyElsewhere = ping(wrong, otherAttacker);

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isPositive();
        assertThat(rightKeyFromTheAttacker.status()).isEqualTo(429);
        assertThat(rightKeyFromTheTill.status()).isEqualTo(200);
        assertThat(wrongKeyElsewhere.status()).isEqualTo(429);
        assertThat(wrongKeyElsewhere.json().get("detail")).isEqualTo(blocked.json().get("detail"));
        // while the restaurant is blocked a source gets one guess: the right key after it is refused unchecked
        assertThat(ping(pos, otherAttacker).status()).isEqualTo(429);
        assertThat(ping(pos, till).status()).isEqualTo(200);
    }

    @Test
    void aRestaurantIdWithLeadingZerosCountsAsTheSameRestaurant() {
        Pos till = api.push(fixtures.tenant().restaurant(), "http://127.0.0.1:9/webhooks/zeros");
        Pos wrong = till.withAuthorization("Bearer tok_wrong");
        String id = String.valueOf(till.publicId());
        String source = "203.0.113.20";
        for (String named : List.of(id, "0" + id, "000" + id, id, "0" + id, "000" + id, id, "0" + id, "000" + id,
                id)) {
            assertThat(ping(wrong.withRestaurantHeader(named), source).status()).isEqualTo(401);
        }

        assertThat(ping(wrong.withRestaurantHeader("00" + id), source).status()).isEqualTo(429);
        assertThat(ping(till.withRestaurantHeader("00" + id), "203.0.113.21").status()).isEqualTo(200);
    }

    private PartnerApiKit.Reply ping(Pos pos, String source) {
        return api.send(pos, "GET", "/ping", null, null, "X-Forwarded-For", source);
    }

    @Test
    void failuresPerSourceAreCountedInTheirWindow() {
        var now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        var throttle = new AuthenticationThrottle(
                new PartnerApiSettings(3, 100, Duration.ofMinutes(10), Duration.ZERO, "EUR",
                        Duration.ZERO, Duration.ofDays(30), Duration.ofHours(2)), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.sourceBlockedFor("10.0.0.1", i)).isEmpty();
            throttle.recordFailure("10.0.0.1", i);
        }

        assertThat(throttle.sourceBlockedFor("10.0.0.1", 99)).contains(Duration.ofMinutes(10));
        assertThat(throttle.sourceBlockedFor("10.0.0.2", 99)).isEmpty();
        now.set(now.get().plus(Duration.ofMinutes(10)).plusSeconds(1));
        assertThat(throttle.sourceBlockedFor("10.0.0.1", 99)).isEmpty();
    }

    @Test
    void theApiIsStatelessAndNeedsNoCsrfToken() {
        Pos pos = api.pull(fixtures.tenant());

        var reply = api.put(pos, "/tables", "{\"tables\": [\"T1\", \"Terrazza 2\"]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Set-Cookie")).isNull();
        assertThat(api.get(pos, "/tables").json().get("tables").toString()).isEqualTo("[\"T1\",\"Terrazza 2\"]");
    }
}
