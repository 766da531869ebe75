package cn.liaocheng.rdcoverage.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the served contract one a generated client can trust, for every operation, including those added later:
 * <ul>
 *   <li>the Problem schema (RFC 9457 with field codes) and the catalogue of problem types;</li>
 *   <li>the error statuses each operation can answer, all as application/problem+json (by method, parameters and body);</li>
 *   <li>201 answers carry Location; GETs of one resource (path ending in a parameter) carry ETag and may answer 304 to
 *       If-None-Match; answers of operations taking If-Match carry ETag;</li>
 *   <li>CSV bodies typed as strings; common query parameters (dates, paging) typed;</li>
 *   <li>response schemas list every property as required (they are always served), nullable only where declared.</li>
 * </ul>
 * What it cannot add (an operationId, a typed success body) ContractConventionsTest demands of each operation.
 */
public class ProblemOpenApiFilter implements OASFilter {
    private static final String REF = "#/components/schemas/Problem";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Status to (component name, description) of the shared problem responses. */
    private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new String[]{"BadRequest", "Invalid input: errors[] names each field or parameter with a code"});
        ERRORS.put("401", new String[]{"Unauthorized", "No valid bearer token"});
        ERRORS.put("403", new String[]{"Forbidden", "The caller's role or scope may not take this action"});
        ERRORS.put("404", new String[]{"NotFound", "No such resource, or outside the caller's scope"});
        ERRORS.put("409", new String[]{"Conflict", "Conflicts with the current state (duplicate, illegal transition, concurrent change)"});
        ERRORS.put("412", new String[]{"PreconditionFailed", "If-Match does not name the current ETag"});
        ERRORS.put("428", new String[]{"PreconditionRequired", "This change needs If-Match with the current ETag (RFC 6585)"});
        ERRORS.put("413", new String[]{"PayloadTooLarge", "The body is larger than this endpoint accepts"});
        ERRORS.put("415", new String[]{"UnsupportedMediaType", "The Content-Type is not accepted here"});
        ERRORS.put("422", new String[]{"UnprocessableContent", "Well-formed but breaks a rule of the programme"});
        ERRORS.put("429", new String[]{"TooManyRequests", "The caller's rate limit is exhausted; Retry-After says when to retry"});
        ERRORS.put("503", new String[]{"ServiceUnavailable", "The service cannot take the request now"});
    }

    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("Enterprises", "Industrial enterprises (规上工业企业) and their yearly statistical figures"),
            Map.entry("Institutions", "R&D institutions (研发机构): declaration, capacity, designations, revocation, eligibility"),
            Map.entry("Eligibility", "What-if evaluation of the construction standard (自评); nothing is stored"),
            Map.entry("Policies", "Policy versions: thresholds, awards and interpretations"),
            Map.entry("Regions", "Counties, districts and zones of Liaocheng, and their supplement award policies"),
            Map.entry("Indicators", "Yearly R&D indicators of the institutions (研发投入、专利申请): per year and by bulk import"),
            Map.entry("Reports", "Coverage reports, snapshots, trends and the counties' work lists"),
            Map.entry("Supervision", "Supervision groups and their follow-ups on uncovered enterprises (督导, 分片包干)"),
            Map.entry("Targets", "Yearly coverage targets (建设目标)"),
            Map.entry("Review", "Review rounds, applications and inspections"),
            Map.entry("Awards", "Awards (奖补): proposal, approval, disbursement"),
            Map.entry("Events", "The change feed (变更事件流): every visible change in one total order, with tombstones for deletions"),
            Map.entry("Webhooks", "Webhook subscriptions to the change feed, signed per Standard Webhooks; delivery log and redeliveries"),
            Map.entry("Development", "Development only"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("FieldError", fieldError());
        openAPI.getComponents().addSchema("Problem", problem());
        ERRORS.forEach((status, named) -> openAPI.getComponents().addResponse(named[0], problemResponse(named[1])));
        openAPI.getComponents().addResponse("NotModified", OASFactory.createAPIResponse()
                .description("Not modified: If-None-Match names the current ETag (no body)"));
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/").description("this service"));
        }
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(t -> {
                if (t.getDescription() == null && TAGS.containsKey(t.getName())) {
                    t.setDescription(TAGS.get(t.getName()));
                }
            });
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().forEach((method, op) -> operation(path, method.name(), item, op)));
        RequestExamples.add(openAPI);
        criterion(openAPI.getComponents().getSchemas());
        units(openAPI.getComponents().getSchemas());
        renamePages(openAPI);
        requiredAsServed(openAPI);
    }

    /**
     * PageResult&lt;T&gt; is named by the generator after T's Java class (PageResultEntry, PageResultPolicyView1);
     * it is named here after T's schema instead (PageResultAuditEntry, PageResultCountyAwardPolicyView).
     */
    private void renamePages(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Map<String, String> renames = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            if (name.startsWith("PageResult") && schema.getProperties() != null && schema.getProperties().get("items") != null) {
                Schema items = schema.getProperties().get("items").getItems();
                if (items != null && items.getRef() != null) {
                    String target = "PageResult" + items.getRef().substring(items.getRef().lastIndexOf('/') + 1);
                    if (!target.equals(name)) {
                        renames.put(name, target);
                    }
                }
            }
        });
        // a target may be the name of another page being renamed (PageResultPolicyView1 -> PageResultPolicyView while
        // PageResultPolicyView -> PageResultCountyAwardPolicyView); any other clash keeps the generated name
        renames.entrySet().removeIf(e -> schemas.containsKey(e.getValue()) && !renames.containsKey(e.getValue()));
        if (renames.isEmpty()) {
            return;
        }
        Map<String, Schema> moved = new LinkedHashMap<>();
        renames.keySet().forEach(from -> moved.put(renames.get(from), schemas.get(from)));
        renames.keySet().forEach(openAPI.getComponents()::removeSchema);
        moved.forEach(openAPI.getComponents()::addSchema);
        java.util.function.Consumer<Schema> fix = new java.util.function.Consumer<>() {
            @Override
            public void accept(Schema s) {
                if (s == null) {
                    return;
                }
                if (s.getRef() != null) {
                    String name = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
                    if (renames.containsKey(name)) {
                        s.setRef("#/components/schemas/" + renames.get(name));
                    }
                }
                if (s.getProperties() != null) {
                    s.getProperties().values().forEach(this);
                }
                accept(s.getItems());
                accept(s.getAdditionalPropertiesSchema());
                for (List<Schema> group : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
                    if (group != null) {
                        group.forEach(this);
                    }
                }
            }
        };
        openAPI.getComponents().getSchemas().values().forEach(fix);
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null
                    && op.getRequestBody().getContent().getMediaTypes() != null) {
                op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> fix.accept(m.getSchema()));
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> {
                    if (r.getContent() != null && r.getContent().getMediaTypes() != null) {
                        r.getContent().getMediaTypes().values().forEach(m -> fix.accept(m.getSchema()));
                    }
                });
            }
        }));
    }

    /**
     * The eligibility package stays free of annotations, so its one untyped record is typed here: a criterion's
     * required and actual are a number, a boolean or a string in {@code unit}; JOINT amounts add total and sharedBy.
     */
    private void criterion(Map<String, Schema> schemas) {
        Schema criterion = schemas == null ? null : schemas.get("Criterion");
        if (criterion == null || criterion.getProperties() == null) {
            return;
        }
        criterion.setDescription("One evaluated criterion, met or not. In JOINT mode an amount (EQUIPMENT_VALUE, "
                + "RD_EXPENDITURE, FLOOR_AREA) is compared per participant: actual = total / sharedBy "
                + "(e.g. 600000 yuan of equipment shared by 2 participants = 300000 each, against required 300000).");
        criterion.addProperty("required", scalar(false, "the bound the fact is compared with, in unit"));
        criterion.addProperty("actual", scalar(true, "the fact compared with required, in unit; null when it is missing"));
        criterion.addProperty("unit", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL))
                .enumeration(java.util.Arrays.asList("yuan", "m2", "persons", "count", null))
                .description("unit of required and actual; null for yes/no and text criteria"));
        criterion.addProperty("total", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.NUMBER, Schema.SchemaType.NULL))
                .description("JOINT amounts: the participants' total, in unit, that actual shares out; else null"));
        criterion.addProperty("sharedBy", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.INTEGER, Schema.SchemaType.NULL)).format("int32")
                .description("JOINT amounts: how many participants share the total; else null"));
        Schema participant = criterion.getProperties().get("participant");
        if (participant != null) {
            participant.setType(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL));
            participant.setDescription("credit code for a per-participant criterion, null for an institution-wide one");
        }
    }

    private static final Set<String> YUAN = Set.of("revenue", "amount", "subsidyAmount", "equipmentValue", "rdExpenditure",
            "aboveDesignatedSizeRevenue", "LARGE", "MEDIUM", "SMALL");

    /** Money is a decimal number of yuan (元), areas are m²: said on every such property. */
    private void units(Map<String, Schema> schemas) {
        if (schemas == null) {
            return;
        }
        schemas.values().forEach(schema -> {
            if (schema.getProperties() == null) {
                return;
            }
            schema.getProperties().forEach((name, p) -> {
                if (p.getDescription() != null || p.getType() == null || !p.getType().contains(Schema.SchemaType.NUMBER)) {
                    return;
                }
                if (YUAN.contains(name)) {
                    p.setDescription("yuan (元), a decimal number");
                } else if (name.equals("floorArea")) {
                    p.setDescription("square metres (m²)");
                }
            });
        });
    }

    private static Schema scalar(boolean nullable, String description) {
        List<Schema> options = new ArrayList<>(List.of(
                OASFactory.createSchema().type(List.of(Schema.SchemaType.NUMBER)),
                OASFactory.createSchema().type(List.of(Schema.SchemaType.BOOLEAN)),
                OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        if (nullable) {
            options.add(OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL)));
        }
        return OASFactory.createSchema().oneOf(options).description(description);
    }

    private void operation(String path, String method, PathItem item, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        List<Parameter> params = new ArrayList<>();
        if (item.getParameters() != null) {
            params.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            params.addAll(op.getParameters());
        }
        params.forEach(this::typeParameter);
        boolean hasBody = op.getRequestBody() != null;
        boolean pathParams = params.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH) || path.contains("{");
        boolean ifMatch = params.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        boolean report = "GET".equals(method) && ReportETag.OPERATIONS.contains(op.getOperationId());
        boolean oneResource = "GET".equals(method) && path.endsWith("}") || report;

        // 2xx: typed CSV, Location on 201, ETag where the service sends one
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
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
                if ("201".equals(code)) {
                    addHeader(response, "Location", "URI of the created resource");
                }
                if ("200".equals(code) && report) {
                    addHeader(response, "ETag", "weak tag (W/\"r…\") of the JSON answer's content, without generatedAt; send it "
                            + "back as If-None-Match to get 304 while the report is unchanged; the CSV (W/\"rc…\") and xlsx (W/\"rx…\") "
                            + "representations carry their own tag of their rows");
                } else if (code.startsWith("2") && !"204".equals(code) && (oneResource || ifMatch)) {
                    addHeader(response, "ETag", "the resource's version; send it back as If-Match (writes) or If-None-Match (reads)");
                }
            });
        }
        if (oneResource) {
            boolean declared = params.stream().anyMatch(p -> "If-None-Match".equalsIgnoreCase(p.getName()));
            if (!declared) {
                op.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                        .description("the ETag of the copy the client holds: 304 without a body when it is still current")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
            }
            responses.addAPIResponse("304", OASFactory.createAPIResponse().ref("NotModified"));
        }

        Set<String> statuses = new TreeSet<>();
        if (hasBody || !params.isEmpty()) {
            statuses.add("400");
        }
        if (secured) {
            statuses.add("401");
            statuses.add("403");
        }
        if (pathParams) {
            statuses.add("404");
        }
        if (WRITES.contains(method)) {
            statuses.add("409");
        }
        if (ifMatch) {
            statuses.add("412");
            if (responses.getAPIResponse("428") != null) { // declared by the endpoints that require If-Match
                statuses.add("428");
            }
        }
        if (hasBody) {
            statuses.add("413");
            statuses.add("415");
        }
        if (WRITES.contains(method) && !"DELETE".equals(method)) {
            statuses.add("422");
        }
        statuses.add("429");
        statuses.add("503");
        for (String status : statuses) {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing == null || existing.getRef() == null && (existing.getContent() == null
                    || existing.getContent().getMediaType(Problem.MEDIA_TYPE) == null)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(ERRORS.get(status)[0]));
            }
        }
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(problemResponse("An unexpected failure (500 with an incident id) or another status "
                    + "listed in the problem catalogue"));
        }
    }

    /** Common query parameters: ISO dates, the sync instant and paging bounds, so that clients validate them. */
    private void typeParameter(Parameter p) {
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
                    s.setMinimum(java.math.BigDecimal.ZERO);
                }
            }
            case "size" -> {
                if (s.getMinimum() == null) {
                    s.setMinimum(java.math.BigDecimal.ONE);
                    s.setMaximum(java.math.BigDecimal.valueOf(PageQuery.MAX_SIZE));
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

    /**
     * Response schemas: every property is required (Jackson serves each one, null included) unless it carries the
     * extension x-optional (left out when null, @JsonInclude(NON_NULL)); only properties declared nullable may be null.
     */
    private void requiredAsServed(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> inResponses = new HashSet<>();
        Set<String> inRequests = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                collect(op.getRequestBody().getContent(), schemas, inRequests);
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().forEach((code, r) -> {
                    if (code.startsWith("2") && r.getContent() != null) {
                        collect(r.getContent(), schemas, inResponses);
                    }
                });
            }
        }));
        for (String name : inResponses) {
            Schema schema = schemas.get(name);
            if (inRequests.contains(name) || schema == null || schema.getProperties() == null || "Problem".equals(name)) {
                continue;
            }
            List<String> required = new ArrayList<>();
            schema.getProperties().forEach((prop, s) -> {
                // at start SmallRye OpenAPI 4.2 reads x-optional back from the build's document as a plain schema
                // keyword, not as an extension: look in both places
                boolean optional = s.getExtensions() != null && s.getExtensions().containsKey("x-optional")
                        || s.get("x-optional") != null;
                if (optional) {
                    s.removeExtension("x-optional");
                    s.set("x-optional", null);
                } else {
                    required.add(prop);
                }
            });
            schema.setRequired(required);
        }
    }

    private static void collect(Content content, Map<String, Schema> schemas, Set<String> into) {
        if (content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            walk(media.getSchema(), schemas, into);
        }
    }

    private static void walk(Schema s, Map<String, Schema> schemas, Set<String> into) {
        if (s == null) {
            return;
        }
        if (s.getRef() != null) {
            String name = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
            if (into.add(name)) {
                walk(schemas.get(name), schemas, into);
            }
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> walk(p, schemas, into));
        }
        walk(s.getItems(), schemas, into);
        if (s.getAdditionalPropertiesSchema() != null) {
            walk(s.getAdditionalPropertiesSchema(), schemas, into);
        }
        for (List<Schema> group : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (group != null) {
                group.forEach(g -> walk(g, schemas, into));
            }
        }
    }

    private static boolean isEmpty(Schema s) {
        return s.getRef() == null && s.getType() == null && s.getProperties() == null && s.getItems() == null
                && s.getOneOf() == null && s.getAnyOf() == null && s.getAllOf() == null;
    }

    private static void addHeader(APIResponse response, String name, String description) {
        if (response.getRef() != null || response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        Header header = OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
        response.addHeader(name, header);
    }

    private static APIResponse problemResponse(String description) {
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
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", t.uri());
            entry.put("status", t.status());
            entry.put("title", ProblemLanguage.title(t.slug(), java.util.Locale.ENGLISH));
            entry.put("titleZh", ProblemLanguage.title(t.slug(), java.util.Locale.SIMPLIFIED_CHINESE));
            entry.put("when", t.when());
            types.add(entry);
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
}
