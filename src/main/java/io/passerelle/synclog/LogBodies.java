package io.passerelle.synclog;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Request and response bodies made readable: JSON pretty-printed, anything else (or cut JSON) as it is. */
final class LogBodies {

    private LogBodies() {}

    static String readable(JsonMapper mapper, String stored) {
        String text = Redactor.redact(stored);
        JsonNode parsed = parse(mapper, text);
        return parsed == null ? text : mapper.writerWithDefaultPrettyPrinter().writeValueAsString(parsed);
    }

    /** The body as JSON, or null when it is empty or not JSON (a truncated body is not). */
    static JsonNode parse(JsonMapper mapper, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        char first = text.strip().charAt(0);
        if (first != '{' && first != '[') {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
