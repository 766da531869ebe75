package cn.liaocheng.rdcoverage.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes the served contract one a generated client can trust, for every operation, including those added later
 * ({@code mp.openapi.filter}); each pass is a class of its own:
 * <ul>
 *   <li>the Problem schema (RFC 9457 with field codes), the catalogue of problem types and the shared problem
 *       responses ({@link OpenApiProblems});</li>
 *   <li>the error statuses each operation can answer, all as application/problem+json (by method, parameters and body);
 *       201 answers carry Location; GETs of one resource (path ending in a parameter) carry ETag and may answer 304 to
 *       If-None-Match; answers of operations taking If-Match carry ETag; CSV bodies typed as strings; common query
 *       parameters (dates, paging) typed ({@link OpenApiOperations});</li>
 *   <li>request-body examples ({@link RequestExamples}); the eligibility criterion, the nulls of the eligibility result
 *       and the units of money and area
 *       ({@link OpenApiSchemaTypes}); pages named after their items ({@link OpenApiPageNames});</li>
 *   <li>response schemas list every property as required (Jackson serves it, null included) except those marked
 *       x-optional (left out when null: {@code @JsonInclude(NON_NULL)}); a property that may be null is declared
 *       nullable ({@code @Schema(nullable = true)}: its type or "null") ({@link OpenApiRequiredProperties});</li>
 *   <li>the feed event typed by its type, and its webhook delivery (events.FeedEventSchemas).</li>
 * </ul>
 * Here: the server, and the descriptions of the tags. What it cannot add (an operationId, a typed success body)
 * ContractConventionsTest demands of each operation.
 */
public class ProblemOpenApiFilter implements OASFilter {
    /** One tag a line: its name, a colon, and its description, for a tag a resource names without one. */
    private static final String TAG_TEXTS = """
            Enterprises: Industrial enterprises (规上工业企业) and their yearly statistical figures
            Institutions: R&D institutions (研发机构): declaration, capacity, designations, revocation, eligibility
            Eligibility: What-if evaluation of the construction standard (自评); nothing is stored
            Policies: Policy versions: thresholds, awards and interpretations
            Regions: Counties, districts and zones of Liaocheng, and their supplement award policies
            Indicators: Yearly R&D indicators of the institutions (研发投入、专利申请): per year and by bulk import
            Reports: Coverage reports, snapshots, trends and the counties' work lists
            Supervision: Supervision groups and their follow-ups on uncovered enterprises (督导, 分片包干)
            Targets: Yearly coverage targets (建设目标)
            Review: Review rounds, applications and inspections
            Awards: Awards (奖补): proposal, approval, disbursement
            Events: The change feed (变更事件流): every visible change in one total order, with tombstones for deletions
            Webhooks: Webhook subscriptions to the change feed, signed per Standard Webhooks; delivery log and redeliveries
            Development: Development only
            """;
    private static final Map<String, String> TAGS = TAG_TEXTS.lines()
            .collect(Collectors.toUnmodifiableMap(l -> l.substring(0, l.indexOf(':')), l -> l.substring(l.indexOf(':') + 2)));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        OpenApiProblems.addComponents(openAPI.getComponents());
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/").description("this service"));
        }
        describeTags(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().forEach((method, op) -> OpenApiOperations.complete(path, method.name(), item, op)));
        RequestExamples.add(openAPI);
        OpenApiSchemaTypes.criterion(openAPI.getComponents().getSchemas());
        OpenApiSchemaTypes.eligibilityNulls(openAPI.getComponents().getSchemas());
        OpenApiSchemaTypes.nullsKept(openAPI.getComponents().getSchemas());
        OpenApiSchemaTypes.units(openAPI.getComponents().getSchemas());
        OpenApiPageNames.rename(openAPI);
        cn.liaocheng.rdcoverage.events.FeedEventSchemas.apply(openAPI);
        OpenApiRequiredProperties.apply(openAPI);
    }

    private static void describeTags(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(t -> {
                if (t.getDescription() == null && TAGS.containsKey(t.getName())) {
                    t.setDescription(TAGS.get(t.getName()));
                }
            });
        }
    }
}
