package io.passerelle.partnerapi;

import io.passerelle.tables.PosTableNames;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partner API's OpenAPI description, served at {@value PartnerApiSecurity#OPENAPI_PATH}. springdoc reads the
 * paths, parameters and reply records from {@link PartnerApiController}; this adds what the controller cannot say by
 * itself because it parses its bodies strictly by hand ({@link StrictJson}): the events, told apart by
 * {@code type} ({@link PosEventRequest#TYPES}, so a new event type is documented as soon as it exists), the
 * batch, the problem document of every error, and the two ways a POS authenticates.
 */
@Configuration
class PartnerApiDocumentation {

    static final String BASIC = "apiKey";
    static final String BEARER = "token";
    static final String RESTAURANT_HEADER = "restaurantId";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String EVENT = "PosEvent";
    private static final String BATCH = "PosEventBatch";
    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI partnerApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Passerelle partner API")
                        .version("v1")
                        .description("""
                                The contract between Passerelle and a POS (till). JSON over HTTPS, UTF-8, times in \
                                ISO-8601 with offset, money as {"amount": "123.50", "currency": "EUR"}. Every error \
                                is application/problem+json (RFC 9457). It changes only by adding."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Pull style: username = the restaurant's public ID, password = the API "
                                        + "key generated in Passerelle for the connection."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Push style: the token the POS gave Passerelle, with "
                                        + PosAuthenticationFilter.RESTAURANT_ID_HEADER + "."))
                        .addSecuritySchemes(RESTAURANT_HEADER, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(PosAuthenticationFilter.RESTAURANT_ID_HEADER)
                                .description("Push style: the restaurant's public ID, next to the bearer token.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER).addList(RESTAURANT_HEADER));
    }

    @Bean
    OpenApiCustomizer partnerApiBodies() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas(PROBLEM, problemSchema());
            addEventSchemas(components);
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(this::addProblemReplies));
            PathItem events = openApi.getPaths().get(PartnerApiSecurity.BASE + "/events");
            if (events != null && events.getPost() != null) {
                events.getPost().requestBody(jsonBody(new Schema<>().oneOf(List.of(ref(EVENT), ref(BATCH))),
                        "One event, or {\"events\": [...]} of up to " + PartnerApiSettings.MAX_EVENTS_PER_BATCH + " events."));
            }
            PathItem tables = openApi.getPaths().get(PartnerApiSecurity.BASE + "/tables");
            if (tables != null && tables.getPut() != null) {
                tables.getPut().requestBody(jsonBody(new ObjectSchema().addProperty("tables",
                        new ArraySchema().items(new StringSchema().minLength(1)).maxItems(PosTableNames.MAX_TABLES))
                        .required(List.of("tables")), "The POS's table names, replacing the previous list."));
            }
        };
    }

    /** Every event type as its own schema with a constant {@code type}, and the union of them told apart by it. */
    private static void addEventSchemas(Components components) {
        Map<String, String> mapping = new TreeMap<>();
        Map<String, Class<? extends PosEventRequest>> types = new TreeMap<>(PosEventRequest.TYPES);
        types.forEach((wireName, type) -> {
            var resolved = ModelConverters.getInstance().readAllAsResolvedSchema(type);
            resolved.referencedSchemas.forEach(components::addSchemas);
            Schema<?> schema = resolved.schema;
            schema.addProperty("type", new StringSchema()._enum(List.of(wireName)));
            schema.addRequiredItem("type");
            components.addSchemas(schema.getName(), schema);
            mapping.put(wireName, SCHEMAS + schema.getName());
        });
        components.addSchemas(EVENT, new Schema<>()
                .oneOf(mapping.values().stream().<Schema>map(PartnerApiDocumentation::ref).toList())
                .discriminator(new Discriminator().propertyName("type").mapping(mapping)));
        components.addSchemas(BATCH, new ObjectSchema()
                .addProperty("events", new ArraySchema().items(ref(EVENT)).maxItems(PartnerApiSettings.MAX_EVENTS_PER_BATCH))
                .required(List.of("events")));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details; never echoes a secret.")
                .addProperty("type", new StringSchema().example(Problem.TYPE_BASE + "invalid"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema())));
    }

    private void addProblemReplies(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Content problem = new Content().addMediaType(Problem.MEDIA_TYPE, new MediaType().schema(ref(PROBLEM)));
        Map.of("400", "Malformed or invalid request", "401", "Bad or missing credentials",
                        "413", "Body too large", "429", "Too many failed authentications (see Retry-After)",
                        "503", "The database is out of reach for the moment (for an event, also: concurrent events"
                                + " about the same order kept it busy); send the same request again after Retry-After")
                .forEach((status, description) -> responses.putIfAbsent(status,
                        new ApiResponse().description(description).content(problem)));
        operation.setResponses(responses);
    }

    private static RequestBody jsonBody(Schema<?> schema, String description) {
        return new RequestBody().required(true).description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(schema)));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref(name.startsWith("#") ? name : SCHEMAS + name);
    }
}
