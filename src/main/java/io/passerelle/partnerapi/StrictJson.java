package io.passerelle.partnerapi;

import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads what a POS sends, strictly: an unknown field, a number as a string, a string as a number, a duplicate
 * key or trailing garbage is a 400 naming the field, so a POS developer finds a typo at once instead of data
 * silently ignored. Only for this API's requests: the rest of the app keeps Spring's lenient mapper.
 */
final class StrictJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // a number or a boolean where text is expected (money amounts above all) is a mistake, not a string
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private StrictJson() {}

    static JsonNode readTree(byte[] body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw Problem.malformed("The body is empty: a JSON object was expected").exception();
            }
            return tree;
        } catch (JacksonException malformed) {
            throw Problem.malformed("The body is not valid JSON: " + malformed.getOriginalMessage()).exception();
        }
    }

    /** The node as the record, or a 400 naming the field (prefixed with {@code path}, e.g. "events[3]."). */
    static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (UnrecognizedPropertyException unknown) {
            throw fieldProblem(unknown, "unknown field");
        } catch (InvalidFormatException wrongValue) {
            throw fieldProblem(wrongValue, "not a valid " + simpleName(wrongValue.getTargetType()));
        } catch (MismatchedInputException wrongType) {
            throw fieldProblem(wrongType, wrongType.getTargetType() == null ? "wrong type"
                    : "must be " + describe(wrongType.getTargetType()));
        } catch (JacksonException other) {
            throw Problem.invalid("The event cannot be read: " + other.getOriginalMessage(), List.of()).exception();
        }
    }

    private static PartnerApiException fieldProblem(JacksonException exception, String message) {
        String field = exception.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        if (exception instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
        }
        return Problem.invalidField(field.isEmpty() ? "body" : field, message).exception();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return "a valid " + simpleName(type);
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }
}
