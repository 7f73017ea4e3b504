package io.portus.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Completes each operation from what the handler's signature and annotations say: Portus-Auth when it takes an
 * {@link ApiActor} (and "admins only"), its {@link ApiFields}, Portus's paging parameters and headers on the
 * paged lists ({@link Paging}), and the error bodies {@link ApiErrors} writes. Operation ids and tags are
 * {@code <resource>_<method>} and the resource, stable whatever order the controllers are found in.
 */
final class OpenApiOperations implements GlobalOperationCustomizer {

    private static final String REF = "#/components/schemas/";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String resource = resource(handler.getBeanType().getSimpleName());
        operation.setTags(List.of(resource));
        operation.setOperationId(resource + "_" + handler.getMethod().getName());
        boolean post = handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class);
        ApiActor actor = actor(handler);
        if (actor == null) {
            operation.setSecurity(List.of());
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(OpenApiDocument.SCHEME)));
            if (actor.admin()) {
                operation.setDescription(join(operation.getDescription(), "Admins only."));
            }
        }
        ApiFields fields = handler.getMethodAnnotation(ApiFields.class);
        if (fields != null) {
            if (post) {
                operation.setRequestBody(body(fields.value()));
            } else {
                Arrays.stream(fields.value()).map(OpenApiOperations::query).forEach(operation::addParametersItem);
            }
        }
        boolean params = takes(handler, ApiParams.class);
        boolean paths = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        if (params && paged(handler)) {
            paging(operation);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (params || paths) {
            error(responses, "400", "A parameter is missing or malformed", "ParameterErrors");
        }
        if (actor != null) {
            error(responses, "401", "No valid Portus-Auth header", "Error");
            error(responses, "403", "Authorization fails", "Forbidden");
        }
        if (paths) {
            error(responses, "404", "Not found", "Error");
        }
        if (post) {
            error(responses, "422", "Invalid input: the message, or the messages per field", "Error");
        }
        return operation;
    }

    /** The error bodies of {@link ApiErrors}. */
    static void addSchemas(OpenAPI api) {
        Schema<?> messages = new ObjectSchema().additionalProperties(new ArraySchema().items(new StringSchema()));
        api.getComponents()
                .addSchemas("Error", new ObjectSchema().description("{\"error\": message} or {\"error\": {field: [messages]}}")
                        .addProperty("error", new Schema<>().oneOf(List.of(new StringSchema(), messages))))
                .addSchemas("ParameterErrors", new ObjectSchema().description("{\"errors\": {parameter: [messages]}}")
                        .addProperty("errors", messages))
                .addSchemas("Forbidden", new ObjectSchema().description("{\"errors\": \"Authorization fails\"}")
                        .addProperty("errors", new StringSchema()));
    }

    private static void paging(Operation operation) {
        operation.addParametersItem(query("page:integer page number, from 1 (default 1)"));
        operation.addParametersItem(query("per_page:integer entries per page (default: portus.pagination.per-page, 10)"));
        operation.addParametersItem(query("all:boolean every entry on one page"));
        operation.addParametersItem(query("sort_attr attribute to sort by (default id; a 400 names the allowed ones)"));
        operation.addParametersItem(query("sort_order asc or desc"));
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        if (ok != null) {
            for (String h : List.of("X-Total", "X-Total-Pages", "X-Page", "X-Per-Page", "X-Next-Page", "X-Prev-Page")) {
                ok.addHeaderObject(h, new Header().schema(new StringSchema()));
            }
        }
    }

    private static void error(ApiResponses responses, String status, String description, String schema) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/json", new MediaType().schema(new Schema<>().$ref(REF + schema)))));
        }
    }

    private static Parameter query(String spec) {
        Field f = Field.parse(spec);
        return new Parameter().in("query").name(f.name).required(f.required ? true : null).description(f.description)
                .schema(f.schema());
    }

    /** A JSON body with nested objects for {@code a[b]}, and the same fields flat as a form. */
    private static RequestBody body(String[] specs) {
        ObjectSchema json = new ObjectSchema();
        ObjectSchema form = new ObjectSchema();
        boolean required = false;
        for (String spec : specs) {
            Field f = Field.parse(spec);
            required |= f.required;
            Schema<?> s = f.schema().description(f.description);
            form.addProperty(f.name, f.schema().description(f.description));
            if (f.required) {
                form.addRequiredItem(f.name);
            }
            int bracket = f.name.indexOf('[');
            if (bracket < 0) {
                json.addProperty(f.name, s);
                if (f.required) {
                    json.addRequiredItem(f.name);
                }
            } else {
                String outer = f.name.substring(0, bracket);
                String inner = f.name.substring(bracket + 1, f.name.length() - 1);
                Schema<?> object = json.getProperties() == null ? null : json.getProperties().get(outer);
                if (object == null) {
                    object = new ObjectSchema();
                    json.addProperty(outer, object);
                }
                object.addProperty(inner, s);
                if (f.required) {
                    object.addRequiredItem(inner);
                    if (json.getRequired() == null || !json.getRequired().contains(outer)) {
                        json.addRequiredItem(outer);
                    }
                }
            }
        }
        Content content = new Content().addMediaType("application/json", new MediaType().schema(json))
                .addMediaType("application/x-www-form-urlencoded", new MediaType().schema(form));
        return new RequestBody().required(required ? true : null).content(content);
    }

    private static ApiActor actor(HandlerMethod handler) {
        for (MethodParameter p : handler.getMethodParameters()) {
            ApiActor a = p.getParameterAnnotation(ApiActor.class);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    private static boolean takes(HandlerMethod handler, Class<?> type) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == type);
    }

    /** {@link Paging}'s lists: {@code ResponseEntity<List<…>>}. */
    private static boolean paged(HandlerMethod handler) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
        return type.toClass() == ResponseEntity.class && type.getGeneric(0).toClass() == List.class;
    }

    /** {@code ApplicationTokensApi} → {@code application_tokens}. */
    static String resource(String controller) {
        String name = controller.endsWith("Api") ? controller.substring(0, controller.length() - 3) : controller;
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + " " + b;
    }

    /** One {@link ApiFields} entry. */
    private record Field(String name, boolean required, String type, String description) {

        static Field parse(String spec) {
            int space = spec.indexOf(' ');
            String head = space < 0 ? spec : spec.substring(0, space);
            String description = space < 0 ? null : spec.substring(space + 1).trim();
            String type = "string";
            int colon = head.indexOf(':');
            if (colon >= 0) {
                type = head.substring(colon + 1);
                head = head.substring(0, colon);
            }
            boolean required = head.endsWith("!");
            return new Field(required ? head.substring(0, head.length() - 1) : head, required, type, description);
        }

        Schema<?> schema() {
            return switch (type) {
                case "integer" -> new IntegerSchema().format("int64");
                case "boolean" -> new BooleanSchema();
                case "array" -> new ArraySchema().items(new ObjectSchema());
                case "string" -> new StringSchema();
                default -> throw new IllegalArgumentException("@ApiFields type " + type + " of " + name);
            };
        }
    }
}
