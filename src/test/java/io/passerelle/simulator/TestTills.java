package io.passerelle.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The tills and settings the simulator tests play with. */
final class TestTills {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 20:30 in Paris on a Monday evening: dinner service. */
    static final Instant NOW = Instant.parse("2026-11-23T19:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, PARIS);

    static final String SIGNING_SECRET =
            "whsec_" + Base64.getEncoder().encodeToString("a signing secret of 32 bytes!!!!".getBytes(StandardCharsets.UTF_8));
    static final String OTHER_SECRET =
            "whsec_" + Base64.getEncoder().encodeToString("another secret, also 32 bytes!!!".getBytes(StandardCharsets.UTF_8));

    /** The Italian till that pulls: trattoria 1042. */
    static final InstallationSettings TRATTORIA = new InstallationSettings(
            "trattoria", InstallationSettings.Style.PULL, "1042", "pk_test_trattoria", null, null, "5.1.0", null);
    /** The French till Passerelle pushes to: bistro 1043. */
    static final InstallationSettings BISTRO =
            InstallationSettings.push("bistro-7", "1043", "tok_bistro", SIGNING_SECRET, "2.0.16");

    private TestTills() {}

    /** Port 0, Paris time, polling only on command, quick retries. */
    static SimulatorSettings settings(URI passerelle, InstallationSettings... installations) {
        return SimulatorSettings.parse(List.of("--port=0", "--zone=Europe/Paris", "--poll-interval=0",
                        "--send-attempts=3", "--retry-backoff=10ms", "--request-timeout=2s",
                        "--passerelle-url=" + passerelle), Map.of())
                .withInstallations(List.of(installations));
    }

    /** Settings for tests that never reach Passerelle. */
    static SimulatorSettings settings(InstallationSettings... installations) {
        return settings(URI.create("http://127.0.0.1:9/api/partner/v1"), installations);
    }

    static String reservation(String id, long version, String status, String start, String table) {
        return """
                {"id": "%s", "version": %d, "status": "%s", "start": "%s", "partySize": 4,
                 "notes": "allergic to nuts", %s
                 "guest": {"id": "g_19", "firstName": "Giulia", "lastName": "Rossi", "mobile": "+393331234567",
                           "email": "giulia@example.com"},
                 "updatedAt": "2026-11-23T10:02:11+01:00"}"""
                .formatted(id, version, status, start, table == null ? "" : "\"table\": \"" + table + "\",");
    }

    static String upserted(String restaurantId, String reservation) {
        return "{\"type\": \"reservation.upserted\", \"restaurantId\": \"" + restaurantId + "\", \"reservation\": "
                + reservation + "}";
    }

    /** A webhook as Passerelle sends it: Standard Webhooks headers, signed with {@code secret}. */
    static HttpRequest.Builder signedWebhook(URI url, String secret, String webhookId, Instant sentAt, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String signature = WebhookSignature.sign(key, webhookId, sentAt.getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(sentAt.getEpochSecond()))
                .header("webhook-signature", "v1," + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
