package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.StoredDecimals;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Sorting;
import cn.liaocheng.rdcoverage.region.Regions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 建设目标: yearly coverage-rate and provincial-increase targets, city-wide and per region. */
@ApplicationScoped
public class TargetService {
    @jakarta.inject.Inject Changes changes; // the change feed (issue 16)

    static final Map<String, String> SORTABLE = Map.of("year", "t.year", "regionCode", "t.scope",
            "coverageRate", "t.coverageRate", "provincialIncrease", "t.provincialIncrease", "updatedAt", "t.updatedAt");

    @Inject Regions regions;
    @Inject Clock clock;

    public PageResult<TargetView> list(TargetFilter filter, PageQuery paging) {
        paging.validate();
        Where w = new Where();
        if (filter.year != null) {
            w.and("t.year = :year", "year", filter.year);
        }
        if (w.has(filter.regionCode)) {
            String scope = filter.regionCode.trim().toUpperCase(java.util.Locale.ROOT);
            w.and("t.scope = :scope", "scope", CoverageTarget.CITY.equals(scope) ? scope : regions.code("regionCode", filter.regionCode));
        }
        w.updatedSince("t", filter.updatedSince);
        String order = Sorting.orderBy(paging.sort == null ? "year,regionCode" : paging.sort, SORTABLE, "t.id");
        return paging.of(CoverageTarget.<CoverageTarget>find("from CoverageTarget t" + w.clause() + " order by " + order, w.params()),
                this::view);
    }

    public TargetView get(String rawId) {
        return view(find(rawId));
    }

    @Transactional
    public TargetView create(TargetInput input) {
        String region = region(input.regionCode());
        String scope = CoverageTarget.scopeOf(region);
        if (CoverageTarget.count("year = ?1 and scope = ?2", input.year(), scope) > 0) {
            throw ApiException.conflict("duplicate", "A " + (region == null ? "city-wide" : "region " + region)
                    + " target for " + input.year() + " already exists; change it with PUT").zh(region == null ? "detail.duplicate.target-city" : "detail.duplicate.target-region", input.year(), region);
        }
        Instant now = Instant.now(clock);
        CoverageTarget t = new CoverageTarget();
        t.year = input.year();
        t.regionCode = region;
        t.scope = scope;
        t.createdAt = now;
        apply(t, input, now);
        t.persist();
        CoverageTarget.flush();
        return changes.recorded(EventType.TARGET_CREATED, t.id, view(t));
    }

    @Transactional
    public TargetView replace(String rawId, TargetInput input, String ifMatch) {
        CoverageTarget t = find(rawId);
        ETags.checkIfMatch(ifMatch, t.version);
        if (input.year() != t.year) {
            throw ApiException.invalid("year", FieldMessage.of("must stay " + t.year + "; create another target for another year", "field.INVALID_VALUE.target-year", t.year));
        }
        String region = region(input.regionCode());
        if (!CoverageTarget.scopeOf(region).equals(t.scope)) {
            throw ApiException.invalid("regionCode", FieldMessage.of("must stay " + (t.regionCode == null ? "absent (city-wide)" : t.regionCode)
                    + "; create another target for another region", "field.INVALID_VALUE.target-region",
                    t.regionCode == null ? "不填（全市）" : t.regionCode));
        }
        apply(t, input, Instant.now(clock));
        CoverageTarget.flush();
        return changes.recorded(EventType.TARGET_UPDATED, t.id, view(t));
    }

    /** The targets of a year by scope (region code or CITY). */
    Map<String, CoverageTarget> ofYear(int year) {
        Map<String, CoverageTarget> byScope = new LinkedHashMap<>();
        CoverageTarget.<CoverageTarget>list("year", year).forEach(t -> byScope.put(t.scope, t));
        return byScope;
    }

    private void apply(CoverageTarget t, TargetInput input, Instant now) {
        t.coverageRate = StoredDecimals.rate(input.coverageRate());
        t.provincialIncrease = input.provincialIncrease();
        t.updatedAt = now;
    }

    private String region(String raw) {
        return regions.code("regionCode", raw);
    }

    @Inject cn.liaocheng.rdcoverage.security.AuditHistory audit;

    /** Every recorded change of a target, oldest first. */
    public List<cn.liaocheng.rdcoverage.security.AuditHistory.Entry> history(String rawId) {
        CoverageTarget target = find(rawId);
        return audit.of(List.of(new cn.liaocheng.rdcoverage.security.AuditHistory.Source<>(CoverageTarget.class, "target",
                org.hibernate.envers.query.AuditEntity.id().eq(target.id), t -> t.id.toString(),
                t -> cn.liaocheng.rdcoverage.security.AuditHistory.state("year", t.year, "regionCode", t.regionCode, "coverageRate", t.coverageRate,
                        "provincialIncrease", t.provincialIncrease))));
    }

    private CoverageTarget find(String rawId) {
        return Where.findOr404("Target", rawId, id -> CoverageTarget.findById(id));
    }

    private TargetView view(CoverageTarget t) {
        Regions.RegionView r = t.regionCode == null ? null : regions.get(t.regionCode);
        return new TargetView(t.id.toString(), t.year, t.regionCode, r == null ? null : r.name(), t.coverageRate,
                t.provincialIncrease, t.createdAt, t.updatedAt, t.version);
    }
}
