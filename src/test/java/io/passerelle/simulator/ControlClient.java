package io.passerelle.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Talks to a running simulator over HTTP, as Passerelle or a demo script would. */
public final class ControlClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI baseUrl;

    public ControlClient(PosSimulator simulator) {
        this.baseUrl = simulator.baseUrl();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Plays a scenario and expects it to succeed. */
    public JsonNode play(String scenario, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/control/scenarios/" + scenario, json);
        if (response.statusCode() != 200) {
            throw new AssertionError(scenario + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }

    public JsonNode state() throws IOException, InterruptedException {
        return Json.MAPPER.readTree(get("/control/state").body());
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }
}
