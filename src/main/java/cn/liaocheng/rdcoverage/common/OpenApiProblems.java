package cn.liaocheng.rdcoverage.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The problem part of the contract's components (RFC 9457): the {@code Problem} schema with the catalogue of
 * {@link ProblemTypes} (a Markdown table in its description and {@code x-problem-types} with the titles of both
 * bundles), the {@code FieldError} schema with the codes of {@link FieldCodes}, and one shared response per error
 * status ({@code BadRequest}, {@code NotFound}, ...) that {@link OpenApiOperations} refers to. Run by
 * {@link ProblemOpenApiFilter}.
 */
final class OpenApiProblems {
    static final String REF = "#/components/schemas/Problem";

    /** A shared problem response: the status it answers, its component name and its description. */
    record Shared(String status, String component, String description) {
    }

    /** In the order the components list them. */
    static final List<Shared> SHARED = List.of(
            new Shared("400", "BadRequest", "Invalid input: errors[] names each field or parameter with a code"),
            new Shared("401", "Unauthorized", "No valid bearer token"),
            new Shared("403", "Forbidden", "The caller's role or scope may not take this action"),
            new Shared("404", "NotFound", "No such resource, or outside the caller's scope"),
            new Shared("409", "Conflict", "Conflicts with the current state (duplicate, illegal transition, concurrent change)"),
            new Shared("412", "PreconditionFailed", "If-Match does not name the current ETag"),
            new Shared("428", "PreconditionRequired", "This change needs If-Match with the current ETag (RFC 6585)"),
            new Shared("413", "PayloadTooLarge", "The body is larger than this endpoint accepts"),
            new Shared("415", "UnsupportedMediaType", "The Content-Type is not accepted here"),
            new Shared("422", "UnprocessableContent", "Well-formed but breaks a rule of the programme"),
            new Shared("429", "TooManyRequests", "The caller's rate limit is exhausted; Retry-After says when to retry"),
            new Shared("503", "ServiceUnavailable", "The service cannot take the request now"));

    private OpenApiProblems() {
    }

    /** Adds FieldError, Problem, the shared problem responses and NotModified (304, no body) to the components. */
    static void addComponents(Components components) {
        components.addSchema("FieldError", fieldError());
        components.addSchema("Problem", problem());
        SHARED.forEach(shared -> components.addResponse(shared.component(), response(shared.description())));
        components.addResponse("NotModified", OASFactory.createAPIResponse()
                .description("Not modified: If-None-Match names the current ETag (no body)"));
    }

    /** The component name of the shared response of an error status (one of {@link #SHARED}). */
    static String component(String status) {
        return SHARED.stream().filter(s -> s.status().equals(status)).findFirst().orElseThrow().component();
    }

    /** A response whose body is a Problem as application/problem+json. */
    static APIResponse response(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static Schema fieldError() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field, parameter or column")
                .addProperty("field", string("JSON path (participants[0].creditCode), query parameter, header or CSV column"))
                .addProperty("code", string("stable machine code a portal translates; one of " + String.join(", ", FieldCodes.ALL)
                        + " (more may be added)").examples(List.of("REQUIRED")))
                .addProperty("message", string("for people, in the Accept-Language (Chinese by default)"))
                .addProperty("line", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int64")
                        .description("line of the imported file (imports only)"))
                .required(List.of("field", "code", "message"));
    }

    private static Schema problem() {
        StringBuilder catalogue = new StringBuilder("RFC 9457 problem details (application/problem+json). title, detail and "
                + "errors[].message follow Accept-Language (zh-CN by default, or en); type, status and errors[].code do not. "
                + "Extension members such as allowedActions, retryAfter or incident may follow.\n\n"
                + "| type | status | when |\n| --- | --- | --- |\n");
        List<Object> types = new ArrayList<>();
        for (ProblemTypes.Type t : ProblemTypes.ALL) {
            catalogue.append("| ").append(t.uri()).append(" | ").append(t.status()).append(" | ").append(t.when()).append(" |\n");
            types.add(catalogueEntry(t));
        }
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description(catalogue.toString())
                .addProperty("type", string("stable URI reference of the kind of problem (catalogue above)").examples(List.of("/problems/validation")))
                .addProperty("title", string("short summary of the kind of problem, in the requested language"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32"))
                .addProperty("detail", string("what happened in this occurrence, in the requested language"))
                .addProperty("instance", string("the request path"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(true)
                .addExtension("x-problem-types", types);
    }

    /** One entry of {@code x-problem-types}: type, status, the English and Chinese titles, and when it happens. */
    private static Map<String, Object> catalogueEntry(ProblemTypes.Type t) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", t.uri());
        entry.put("status", t.status());
        entry.put("title", ProblemLanguage.title(t.slug(), Locale.ENGLISH));
        entry.put("titleZh", ProblemLanguage.title(t.slug(), Locale.SIMPLIFIED_CHINESE));
        entry.put("when", t.when());
        return entry;
    }
}
