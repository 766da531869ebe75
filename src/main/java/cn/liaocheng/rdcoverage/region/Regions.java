package cn.liaocheng.rdcoverage.region;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Region reference data, cached: eleven rows read on every import line and report. */
@ApplicationScoped
public class Regions {
    private volatile Map<String, RegionView> byCode;
    private volatile Map<String, String> aliases;

    public record RegionView(String code, String name, Region.RegionKind kind) {
    }

    public List<RegionView> all() {
        return List.copyOf(cache().values().stream().sorted(java.util.Comparator.comparing(RegionView::code)).toList());
    }

    public boolean exists(String code) {
        return code != null && cache().containsKey(code);
    }

    /**
     * The region code that {@code raw} gives (trimmed), or null when it is null or blank (no region asked for).
     *
     * @throws ApiException 400 naming {@code field} ({@code field.INVALID_VALUE.region}) when it is not a region of
     *         Liaocheng: every request body and query parameter that names a region answers alike, lists and reports
     *         included, rather than an empty list for a mistyped code
     */
    public String code(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.trim();
        if (!exists(code)) {
            throw ApiException.invalid(field, unknown(raw));
        }
        return code;
    }

    /** The message of a code that names no region of Liaocheng, quoting it as given. */
    public static FieldMessage unknown(String given) {
        return FieldMessage.of("'" + given + "' is not a region code of Liaocheng (see GET /api/v1/regions)", "field.INVALID_VALUE.region", given);
    }

    public RegionView get(String code) {
        return cache().get(code);
    }

    /** Other names of regions (table region_alias: short forms, former names) and the code each stands for. */
    public Map<String, String> aliases() {
        Map<String, String> local = aliases;
        if (local == null) {
            local = QuarkusTransaction.joiningExisting().call(() -> {
                Map<String, String> m = new java.util.HashMap<>();
                for (Object row : Region.getEntityManager()
                        .createNativeQuery("select alias, region_code from region_alias").getResultList()) {
                    Object[] r = (Object[]) row;
                    m.put((String) r[0], (String) r[1]);
                }
                return Map.copyOf(m);
            });
            aliases = local;
        }
        return local;
    }

    private Map<String, RegionView> cache() {
        Map<String, RegionView> local = byCode;
        if (local == null) {
            local = QuarkusTransaction.joiningExisting().call(this::load);
            byCode = local;
        }
        return local;
    }

    private Map<String, RegionView> load() {
        List<Region> rows = Region.listAll(Sort.by("code"));
        return new ConcurrentHashMap<>(rows.stream()
                .map(r -> new RegionView(r.code, r.name, r.kind))
                .collect(Collectors.toMap(RegionView::code, Function.identity())));
    }
}
