package io.passerelle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The docker/ set-up, checked without a Docker engine (none on the build machines): the compose file describes
 * the documented topology and keeps secrets out, the image runs as non-root with a health check, and HAProxy
 * accepts its configuration (when installed: .ci/run installs it).
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");

    @Test
    @SuppressWarnings("unchecked")
    void composeStartsMariaDbTwoNodesAProxyAndTheSimulatorWithSecretsFromAnEnvFile() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsOnlyKeys("mariadb", "node1", "node2", "proxy", "pos-simulator");
        for (String node : List.of("node1", "node2")) {
            Map<String, Object> service = services.get(node);
            assertThat(service.get("env_file")).as(node).isEqualTo(".env");
            assertThat((Map<String, String>) service.get("environment")).as(node)
                    .containsEntry("PASSERELLE_DB_URL", "jdbc:mariadb://mariadb:3306/passerelle")
                    .doesNotContainKeys("PASSERELLE_SECRETS_KEY", "PASSERELLE_DB_PASSWORD");
            assertThat(((Map<String, Map<String, String>>) service.get("depends_on")).get("mariadb"))
                    .containsEntry("condition", "service_healthy");
        }
        assertThat(services.get("proxy").get("ports")).isEqualTo(List.of("8080:8080"));
        assertThat(services.get("mariadb")).containsKey("healthcheck");
        assertThat(Files.readString(Path.of(".gitignore")).lines()).contains("docker/.env");
        assertThat(Files.readString(DOCKER.resolve(".env.example")))
                .contains("PASSERELLE_SECRETS_KEY=\n", "PASSERELLE_DB_PASSWORD=", "MARIADB_ROOT_PASSWORD=");
    }

    @Test
    void theImageIsBuiltInStagesAndRunsAsNonRootWithAHealthCheck() throws IOException {
        List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile"));

        assertThat(lines).filteredOn(line -> line.startsWith("FROM ")).hasSize(2);
        assertThat(lines).filteredOn(line -> line.startsWith("USER ")).singleElement()
                .isEqualTo("USER passerelle");
        assertThat(lines).anyMatch(line -> line.startsWith("HEALTHCHECK "));
        assertThat(String.join("\n", lines)).contains("-Pproduction", "/actuator/health/readiness");
    }

    @Test
    void theProxyKeepsEachBrowserOnOneNodeAndHaproxyAcceptsTheConfiguration() throws Exception {
        String config = Files.readString(DOCKER.resolve("haproxy.cfg"));
        assertThat(config).contains("cookie SERVERID insert", "server node1 node1:8080 cookie node1",
                "server node2 node2:8080 cookie node2", "timeout tunnel");

        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/haproxy")), "haproxy is not installed");
        Process check = new ProcessBuilder("/usr/sbin/haproxy", "-c", "-f", DOCKER.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.exitValue()).as(output).isZero();
    }
}
