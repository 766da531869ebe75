package cn.liaocheng.rdcoverage.common;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * How the contract's schemas nest, in one place for the passes of {@link ProblemOpenApiFilter} that walk them
 * ({@link OpenApiPageNames}, {@link OpenApiRequiredProperties}): the bodies of the operations and the schemas
 * directly under a schema. References ({@code #/components/schemas/X}) are not followed here.
 */
final class OpenApiSchemaTree {
    private OpenApiSchemaTree() {
    }

    /** The component name a reference points to: {@code X} of {@code #/components/schemas/X}. */
    static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Each schema directly under {@code s}: properties, items, additionalProperties, allOf, anyOf, oneOf. */
    static void forEachChild(Schema s, Consumer<Schema> visit) {
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(visit);
        }
        if (s.getItems() != null) {
            visit.accept(s.getItems());
        }
        if (s.getAdditionalPropertiesSchema() != null) {
            visit.accept(s.getAdditionalPropertiesSchema());
        }
        for (List<Schema> group : Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (group != null) {
                group.forEach(visit);
            }
        }
    }

    /**
     * Each body of every operation: its request body ({@code status} null) and each response that has content
     * ({@code status} its code), with the schemas of its media types.
     */
    static void forEachBody(OpenAPI openAPI, BiConsumer<String, List<Schema>> visit) {
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                visit.accept(null, schemas(op.getRequestBody().getContent()));
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (response.getContent() != null) {
                        visit.accept(status, schemas(response.getContent()));
                    }
                });
            }
        }));
    }

    private static List<Schema> schemas(Content content) {
        if (content.getMediaTypes() == null) {
            return List.of();
        }
        return content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(Objects::nonNull).toList();
    }
}
