package io.portus.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the OpenAPI schemas of the records annotated {@code @JsonNaming(SnakeCaseStrategy)} their snake_case
 * property names, as the API writes them: the schema generator (swagger-core) reads Jackson 2's annotations, the
 * API's records carry Jackson 3's.
 */
final class SnakeCaseModels implements ModelConverter {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (resolved == null || type.getType() == null) {
            return resolved;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        JsonNaming naming = raw.getAnnotation(JsonNaming.class);
        if (naming == null || naming.value() != PropertyNamingStrategies.SnakeCaseStrategy.class) {
            return resolved;
        }
        Schema model = resolved;
        if (resolved.get$ref() != null) {
            String ref = resolved.get$ref();
            model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (model != null && model.getProperties() != null) {
            Map<String, Schema> renamed = new LinkedHashMap<>();
            ((Map<String, Schema>) model.getProperties()).forEach((k, v) -> renamed.put(snake(k), v));
            model.setProperties(renamed);
            if (model.getRequired() != null) {
                model.setRequired(((List<String>) model.getRequired()).stream().map(SnakeCaseModels::snake).toList());
            }
        }
        return resolved;
    }

    /** {@code repositoryId} → {@code repository_id}, as Jackson's snake_case strategy writes it. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
