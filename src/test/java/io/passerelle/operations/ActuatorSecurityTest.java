package io.passerelle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.security.AppRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Health status is public for load balancers; everything else in /actuator needs an administrator. */
@PasserelleTest
@Import(TestFixtures.class)
class ActuatorSecurityTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Test
    void healthIsPublicButShowsNoDetails() throws Exception {
        var response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    }

    @Test
    // Spring Boot tests switch metric exporters off, so /actuator/prometheus is checked by hand (README).
    void metricsNeedAnAdministrator() throws Exception {
        var anonymous = get("/actuator/metrics", null);
        assertThat(anonymous.statusCode()).as(anonymous.headers().map().toString()).isEqualTo(401);

        var owner = fixtures.tenant().owner();
        assertThat(get("/actuator/metrics", basic(owner.getEmail())).statusCode()).isEqualTo(403);

        var admin = fixtures.staff(AppRole.ADMIN);
        var response = get("/actuator/metrics", basic(admin.getEmail()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm.memory.used");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + TestFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
