package io.passerelle.synclog;

import java.io.OutputStream;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One reservation's whole trace as a JSON file for a support ticket: every line in and out, oldest first, with
 * its request and response (JSON bodies embedded as JSON, anything else as text), secrets removed.
 */
final class TraceExport implements AutoCloseable {

    private final JsonGenerator json;

    TraceExport(JsonMapper mapper, OutputStream out, long restaurantId, long reservationId, Instant exportedAt) {
        this.json = mapper.writerWithDefaultPrettyPrinter().createGenerator(out);
        json.writeStartObject();
        json.writeNumberProperty("restaurantId", restaurantId);
        json.writeNumberProperty("reservationId", reservationId);
        json.writeStringProperty("exportedAt", exportedAt.toString());
        json.writeArrayPropertyStart("lines");
    }

    void line(SyncLogEntry entry, JsonMapper mapper) {
        json.writeStartObject();
        json.writeNumberProperty("id", entry.getId());
        json.writeStringProperty("occurredAt", entry.getOccurredAt().toString());
        json.writeStringProperty("kind", entry.getKind().name());
        json.writeStringProperty("direction", entry.getDirection().name());
        json.writeStringProperty("partner", entry.getPartnerCode());
        json.writeStringProperty("messageType", entry.getMessageType());
        json.writeStringProperty("messageId", entry.getMessageId());
        json.writeStringProperty("outcome", entry.getOutcome().name());
        json.writePOJOProperty("httpStatus", entry.getHttpStatus());
        json.writePOJOProperty("attempt", entry.getAttempt());
        json.writePOJOProperty("latencyMs", entry.getLatencyMs());
        json.writeStringProperty("errorCode", entry.getErrorCode());
        json.writeStringProperty("errorDetail", entry.getErrorDetail());
        body("request", entry.getPayload(), mapper);
        body("response", entry.getResponse(), mapper);
        json.writeEndObject();
    }

    private void body(String name, String stored, JsonMapper mapper) {
        // stored redacted; redacted again in case the rules grew since the line was written
        String text = Redactor.redact(stored);
        json.writeName(name);
        if (text == null) {
            json.writeNull();
            return;
        }
        JsonNode parsed = LogBodies.parse(mapper, text);
        if (parsed != null) {
            json.writeTree(parsed);
        } else {
            json.writeString(text);
        }
    }

    @Override
    public void close() throws JacksonException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
