package io.passerelle.partner.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.partner.CallFailure;
import io.passerelle.partner.FakePos;
import io.passerelle.partner.PartnerSettings;
import io.passerelle.partner.PayAtTableTarget;
import io.passerelle.partner.StandardWebhookSigner;
import io.passerelle.partner.WebhookUrl;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.json.JsonMapper;

/** The installation check of the real pay-at-table client, against a POS server played on 127.0.0.1. */
class PayAtTableClientTest {

    private static final Instant NOW = Instant.parse("2026-11-23T19:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /**
     * Plain HTTP on loopback allowed; timeouts generous, as none is tested here: a JVM's first call (and its first
     * TLS handshake, which loads the trust store) takes seconds on a busy machine.
     */
    private static final PartnerSettings DEVELOPMENT = new PartnerSettings(Duration.ofSeconds(30),
            Duration.ofSeconds(30), true, false);

    private final FakePos pos = FakePos.start();
    private final String secret = StandardWebhookSigner.newSecret();
    private final PayAtTableClient client = new PayAtTableClient(DEVELOPMENT, new StandardWebhookSigner(CLOCK),
            JsonMapper.builder().build(), CLOCK);

    @AfterEach
    void stopPos() {
        pos.close();
    }

    @Test
    void aServerThatNamesTheInstallationBackAnswersTheSignedCheck() {
        pos.answers(200, "{\"installationId\": \"bistro-7\", \"posVersion\": \"2.0.16\"}");

        var outcome = client.checkInstallation(target(server(), "bistro-7"));

        assertThat(outcome.delivered()).isTrue();
        var request = pos.last();
        assertThat(request.body()).isEmpty();
        assertThat(StandardWebhookSigner.verify(request.headers().get("webhook-id"), NOW.getEpochSecond(),
                request.body(), secret, request.headers().get("webhook-signature"))).isTrue();
    }

    @Test
    void anAnswerThatDoesNotNameTheInstallationIsNotAPayAtTableServer() {
        pos.answers(200, "{\"installationId\": \"another-till\"}");
        assertThat(client.checkInstallation(target(server(), "bistro-7")).failure())
                .isEqualTo(CallFailure.GARBAGE_BODY);

        pos.answers(200, "<html>Welcome</html>");
        assertThat(client.checkInstallation(target(server(), "bistro-7")).failure())
                .isEqualTo(CallFailure.GARBAGE_BODY);
    }

    @Test
    void anUnknownInstallationARefusedSignatureAndAFailingServerAreToldApart() {
        pos.answers(404, "");
        assertThat(client.checkInstallation(target(server(), "bistro-7")).failure())
                .isEqualTo(CallFailure.UNKNOWN_RESTAURANT);

        pos.answers(401, "");
        assertThat(client.checkInstallation(target(server(), "bistro-7")).failure()).isEqualTo(CallFailure.BAD_TOKEN);

        pos.answers(503, "");
        assertThat(client.checkInstallation(target(server(), "bistro-7")).failure())
                .isEqualTo(CallFailure.TEMPORARY_ERROR);
    }

    @Test
    void aServerWithACertificateNobodyTrustsFailsTheCheckAsTlsInvalid(@TempDir Path dir) throws Exception {
        HttpsServer untrusted = selfSignedServer(dir);
        try {
            String server = "https://127.0.0.1:" + untrusted.getAddress().getPort();

            assertThat(client.checkInstallation(target(server, "bistro-7")).failure())
                    .isEqualTo(CallFailure.CERTIFICATE_INVALID);
        } finally {
            untrusted.stop(0);
        }
    }

    @Test
    void nobodyListeningIsUnreachable() {
        assertThat(client.checkInstallation(target(FakePos.nobodyListening(), "bistro-7")).failure())
                .isEqualTo(CallFailure.UNREACHABLE);
    }

    /**
     * A TLS server on 127.0.0.1 presenting a self-signed certificate, as a POS with a home-made or misconfigured
     * certificate would: the JDK's trust store trusts nothing of it. It would name the installation back.
     */
    private static HttpsServer selfSignedServer(Path dir) throws Exception {
        Path store = dir.resolve("pos.p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "pos", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(keytool.waitFor()).as("keytool").isZero();
        var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(KeyStore.getInstance(store.toFile(), password), password);
        var tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            byte[] answer = "{\"installationId\": \"bistro-7\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (exchange) {
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
        return server;
    }

    private String server() {
        return pos.url().replace("/webhook", "");
    }

    private PayAtTableTarget target(String server, String installationId) {
        return new PayAtTableTarget(WebhookUrl.parse(server, DEVELOPMENT.webhookUrlPolicy(), "payAtTableServer"),
                installationId, secret);
    }
}
