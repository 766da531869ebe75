package cn.liaocheng.rdcoverage.common;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PageResult&lt;T&gt; is named by the generator after T's Java class (PageResultEntry, PageResultPolicyView1);
 * it is named here after T's schema instead (PageResultAuditEntry, PageResultCountyAwardPolicyView), and every
 * reference to it follows. Run by {@link ProblemOpenApiFilter}.
 */
final class OpenApiPageNames {
    private static final String PAGE = "PageResult";

    private OpenApiPageNames() {
    }

    /** Renames the pages of {@code openAPI}, whose components hold the schemas (Problem at least). */
    static void rename(OpenAPI openAPI) {
        Map<String, String> renames = renames(openAPI.getComponents().getSchemas());
        if (renames.isEmpty()) {
            return;
        }
        move(openAPI.getComponents(), renames);
        openAPI.getComponents().getSchemas().values().forEach(s -> retarget(s, renames));
        OpenApiSchemaTree.forEachBody(openAPI, (status, bodies) -> bodies.forEach(s -> retarget(s, renames)));
    }

    /** Generated page name to the name after its items' schema, for the pages whose new name is free. */
    private static Map<String, String> renames(Map<String, Schema> schemas) {
        Map<String, String> renames = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            if (name.startsWith(PAGE) && schema.getProperties() != null && schema.getProperties().get("items") != null) {
                Schema items = schema.getProperties().get("items").getItems();
                if (items != null && items.getRef() != null) {
                    String target = PAGE + OpenApiSchemaTree.name(items.getRef());
                    if (!target.equals(name)) {
                        renames.put(name, target);
                    }
                }
            }
        });
        // a target may be the name of another page being renamed (PageResultPolicyView1 -> PageResultPolicyView while
        // PageResultPolicyView -> PageResultCountyAwardPolicyView); any other clash keeps the generated name
        renames.entrySet().removeIf(e -> schemas.containsKey(e.getValue()) && !renames.containsKey(e.getValue()));
        return renames;
    }

    private static void move(Components components, Map<String, String> renames) {
        Map<String, Schema> moved = new LinkedHashMap<>();
        renames.keySet().forEach(from -> moved.put(renames.get(from), components.getSchemas().get(from)));
        renames.keySet().forEach(components::removeSchema);
        moved.forEach(components::addSchema);
    }

    /** Points every reference under {@code s} to a renamed page at its new name. */
    private static void retarget(Schema s, Map<String, String> renames) {
        if (s.getRef() != null) {
            String name = OpenApiSchemaTree.name(s.getRef());
            if (renames.containsKey(name)) {
                s.setRef("#/components/schemas/" + renames.get(name));
            }
        }
        OpenApiSchemaTree.forEachChild(s, child -> retarget(child, renames));
    }
}
