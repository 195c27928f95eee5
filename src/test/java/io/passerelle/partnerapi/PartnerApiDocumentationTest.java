package io.passerelle.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.PasserelleTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description is public, agrees with the controller, and documents every event and error. */
@PasserelleTest
class PartnerApiDocumentationTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void the_description_lists_exactly_the_endpoints_the_controller_serves() throws Exception {
        JsonNode paths = openApi().get("paths");

        Map<String, List<String>> documented = new TreeMap<>();
        paths.properties().forEach(path -> documented.put(path.getKey(),
                path.getValue().propertyNames().stream().map(String::toUpperCase).sorted().toList()));
        assertThat(documented).isEqualTo(servedByTheController());
        assertThat(documented).containsOnlyKeys("/api/partner/v1/ping", "/api/partner/v1/reservations",
                "/api/partner/v1/events", "/api/partner/v1/tables");
    }

    @Test
    void every_event_type_is_documented_with_its_type_and_required_fields() throws Exception {
        JsonNode schemas = openApi().at("/components/schemas");

        JsonNode mapping = schemas.at("/PosEvent/discriminator/mapping");
        assertThat(mapping.propertyNames()).containsExactlyInAnyOrderElementsOf(PosEventRequest.TYPES.keySet());
        JsonNode closed = schemas.get(mapping.get("order.closed").stringValue().replace("#/components/schemas/", ""));
        assertThat(closed.at("/properties/type/enum/0").stringValue()).isEqualTo("order.closed");
        assertThat(closed.get("required").valueStream().map(JsonNode::stringValue).toList())
                .contains("type", "eventId", "occurredAt", "orderId", "covers", "total", "items");
        assertThat(schemas.at("/PosEventBatch/properties/events/maxItems").asInt())
                .isEqualTo(PartnerApiSettings.MAX_EVENTS_PER_BATCH);
        assertThat(openApi().at("/paths/~1api~1partner~1v1~1events/post/requestBody/content/application~1json/schema/oneOf")
                .size()).isEqualTo(2);
    }

    @Test
    void errors_are_problem_documents_and_both_ways_of_authenticating_are_described() throws Exception {
        JsonNode api = openApi();

        JsonNode ping = api.at("/paths/~1api~1partner~1v1~1ping/get/responses");
        assertThat(ping.at("/401/content").has(Problem.MEDIA_TYPE)).isTrue();
        assertThat(ping.has("422")).isTrue();
        assertThat(api.at("/paths/~1api~1partner~1v1~1events/post/responses/503/content").has(Problem.MEDIA_TYPE))
                .as("a database out of reach, or a busy order: send again").isTrue();
        assertThat(api.at("/components/securitySchemes/apiKey/scheme").stringValue()).isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/token/scheme").stringValue()).isEqualTo("bearer");
        assertThat(api.at("/components/securitySchemes/restaurantId/name").stringValue()).isEqualTo("X-Restaurant-Id");
        // the connection a POS authenticates as is never a parameter it could set
        assertThat(api.at("/paths/~1api~1partner~1v1~1tables/get/parameters").isMissingNode()
                || api.at("/paths/~1api~1partner~1v1~1tables/get/parameters").isEmpty()).isTrue();
    }

    @Test
    void the_readable_page_opens_without_credentials() throws Exception {
        HttpResponse<String> page = get("/api/partner/docs");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).startsWith("/api/partner/swagger-ui/");
        assertThat(page.body()).contains("swagger-ui");
        HttpResponse<String> config = get("/api/partner/v1/openapi.json/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/api/partner/v1/openapi.json");
    }

    private Map<String, List<String>> servedByTheController() {
        Map<String, List<String>> served = new TreeMap<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod method) -> {
            if (method.getBeanType() != PartnerApiController.class || info.getMethodsCondition().isEmpty()) {
                return; // the catch-all that turns unknown paths into problems
            }
            for (String path : info.getPatternValues()) {
                List<String> methods = new ArrayList<>(served.getOrDefault(path, List.of()));
                info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(methods::add);
                served.put(path, methods.stream().sorted().toList());
            }
        });
        return served;
    }

    private JsonNode openApi() throws IOException, InterruptedException {
        HttpResponse<String> reply = get("/api/partner/v1/openapi.json");
        assertThat(reply.statusCode()).isEqualTo(200);
        return PartnerApiKit.JSON.readTree(reply.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
