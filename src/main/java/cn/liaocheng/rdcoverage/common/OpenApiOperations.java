package cn.liaocheng.rdcoverage.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the contract says of each operation beyond its annotations, derived from its method, path, parameters and
 * body, so that operations added later get it too (run by {@link ProblemOpenApiFilter}):
 * <ul>
 *   <li>common query parameters typed (ISO dates, the sync instant, paging bounds, sort);</li>
 *   <li>CSV bodies as strings under {@code text/csv}, xlsx as binary; Location on 201; ETag where the service sends
 *       one (GETs of one resource, reports of {@link ReportETag}, operations taking If-Match);</li>
 *   <li>If-None-Match and 304 on GETs of one resource and on reports (RFC 9110 13.1.2);</li>
 *   <li>the error statuses the operation can answer, each the shared problem response of {@link OpenApiProblems},
 *       and a problem as the default answer.</li>
 * </ul>
 */
final class OpenApiOperations {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * What an operation declares, read once.
     *
     * @param params      path-item and operation parameters, as declared (before If-None-Match is added)
     * @param oneResource a GET of one resource (path ending in a parameter) or of a report: ETag, If-None-Match, 304
     * @param report      a GET listed in {@link ReportETag#OPERATIONS}: the report's own ETag description
     */
    private record Declared(String method, List<Parameter> params, boolean hasBody, boolean pathParams, boolean ifMatch,
                            boolean secured, boolean report, boolean oneResource) {
    }

    private OpenApiOperations() {
    }

    /** Completes one operation of {@code path} ({@code method} in upper case) in place. */
    static void complete(String path, String method, PathItem item, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        List<Parameter> params = parameters(item, op);
        params.forEach(OpenApiOperations::typeParameter);
        Declared declared = declared(path, method, op, params);
        APIResponses responses = op.getResponses();
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                typeBodies(response);
                addHeaders(code, response, declared);
            });
        }
        if (declared.oneResource()) {
            conditionalGet(op, params);
        }
        addErrors(responses, errorStatuses(declared, responses));
    }

    private static List<Parameter> parameters(PathItem item, Operation op) {
        List<Parameter> params = new ArrayList<>();
        if (item.getParameters() != null) {
            params.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            params.addAll(op.getParameters());
        }
        return params;
    }

    private static Declared declared(String path, String method, Operation op, List<Parameter> params) {
        boolean pathParams = params.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH) || path.contains("{");
        boolean ifMatch = params.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        boolean report = "GET".equals(method) && ReportETag.OPERATIONS.contains(op.getOperationId());
        boolean oneResource = "GET".equals(method) && path.endsWith("}") || report;
        return new Declared(method, params, op.getRequestBody() != null, pathParams, ifMatch, secured, report, oneResource);
    }

    /** Common query parameters: ISO dates, the sync instant and paging bounds, so that clients validate them. */
    private static void typeParameter(Parameter p) {
        if (p.getIn() != Parameter.In.QUERY || p.getSchema() == null || p.getSchema().getRef() != null) {
            return;
        }
        Schema s = p.getSchema();
        boolean string = s.getType() != null && s.getType().contains(Schema.SchemaType.STRING) && s.getFormat() == null;
        switch (p.getName()) {
            case "asOf", "from", "to" -> {
                if (string) {
                    s.setFormat("date");
                }
            }
            case "updatedSince" -> {
                if (string && p.getDescription() == null) {
                    p.setDescription("only what changed at or after this ISO-8601 instant with offset or date (Asia/Shanghai)");
                }
            }
            case "page" -> {
                if (s.getMinimum() == null) {
                    s.setMinimum(BigDecimal.ZERO);
                }
            }
            case "size" -> {
                if (s.getMinimum() == null) {
                    s.setMinimum(BigDecimal.ONE);
                    s.setMaximum(BigDecimal.valueOf(PageQuery.MAX_SIZE));
                }
            }
            case "sort" -> {
                if (p.getDescription() == null) {
                    p.setDescription("comma-separated fields, '-' for descending (e.g. name,-updatedAt); "
                            + "an unknown field is a 400 naming sort");
                }
            }
            default -> {
            }
        }
    }

    /** CSV under plain {@code text/csv} (not {@code text/csv;qs=0.5}) as a string; xlsx as a binary string. */
    private static void typeBodies(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return;
        }
        for (String type : List.copyOf(response.getContent().getMediaTypes().keySet())) {
            if (type.startsWith("text/csv") && !type.equals("text/csv")) { // text/csv;qs=0.5: JSON is preferred
                MediaType media = response.getContent().getMediaType(type);
                response.getContent().removeMediaType(type);
                response.getContent().addMediaType("text/csv", media);
            }
        }
        response.getContent().getMediaTypes().forEach((type, media) -> {
            if (type.startsWith("text/csv")) {
                media.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("CSV, UTF-8 with BOM; headers in the Accept-Language (Chinese by default)"));
            }
            if (type.equals(XlsxOutput.MEDIA_TYPE)) {
                media.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .format("binary").description("xlsx workbook (Office Open XML), credit codes as text cells"));
            }
        });
    }

    /** Location on 201; ETag on a report's 200 and on the 2xx with a body of one resource or of an If-Match write. */
    private static void addHeaders(String code, APIResponse response, Declared declared) {
        if ("201".equals(code)) {
            addHeader(response, "Location", "URI of the created resource");
        }
        if ("200".equals(code) && declared.report()) {
            addHeader(response, "ETag", "weak tag (W/\"r…\") of the JSON answer's content, without generatedAt; send it "
                    + "back as If-None-Match to get 304 while the report is unchanged; the CSV (W/\"rc…\") and xlsx (W/\"rx…\") "
                    + "representations carry their own tag of their rows");
        } else if (code.startsWith("2") && !"204".equals(code) && (declared.oneResource() || declared.ifMatch())) {
            addHeader(response, "ETag", "the resource's version; send it back as If-Match (writes) or If-None-Match (reads)");
        }
    }

    private static void addHeader(APIResponse response, String name, String description) {
        if (response.getRef() != null || response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        Header header = OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
        response.addHeader(name, header);
    }

    /** If-None-Match (unless declared) and the 304 answer to it. */
    private static void conditionalGet(Operation op, List<Parameter> params) {
        boolean declared = params.stream().anyMatch(p -> "If-None-Match".equalsIgnoreCase(p.getName()));
        if (!declared) {
            op.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                    .description("the ETag of the copy the client holds: 304 without a body when it is still current")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        }
        op.getResponses().addAPIResponse("304", OASFactory.createAPIResponse().ref("NotModified"));
    }

    /** The error statuses an operation can answer, by what it declares; 429 and 503 everywhere. */
    private static Set<String> errorStatuses(Declared d, APIResponses responses) {
        Set<String> statuses = new TreeSet<>();
        if (d.hasBody() || !d.params().isEmpty()) {
            statuses.add("400");
        }
        if (d.secured()) {
            statuses.addAll(List.of("401", "403"));
        }
        if (d.pathParams()) {
            statuses.add("404");
        }
        boolean write = WRITES.contains(d.method());
        if (write) {
            statuses.add("409");
        }
        if (d.ifMatch()) {
            statuses.add("412");
            if ("DELETE".equals(d.method())) { // a delete that takes If-Match requires it (ETags.requireIfMatch)
                statuses.add("428");
            }
        }
        if (d.hasBody()) {
            statuses.addAll(List.of("413", "415"));
        }
        if (write && !"DELETE".equals(d.method())) {
            statuses.add("422");
        }
        statuses.addAll(List.of("429", "503"));
        return statuses;
    }

    /** Each status as the shared problem response, unless declared with a problem body; a problem as the default. */
    private static void addErrors(APIResponses responses, Set<String> statuses) {
        for (String status : statuses) {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing == null || existing.getRef() == null && (existing.getContent() == null
                    || existing.getContent().getMediaType(Problem.MEDIA_TYPE) == null)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(OpenApiProblems.component(status)));
            }
        }
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(OpenApiProblems.response("An unexpected failure (500 with an incident id) or another "
                    + "status listed in the problem catalogue"));
        }
    }
}
