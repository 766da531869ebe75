package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Sorting;
import cn.liaocheng.rdcoverage.common.SyncFilter;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Awards (先建后补) as read: one award, its history, the awards of an application, and the list and export in the
 * caller's scope ({@link cn.liaocheng.rdcoverage.security.Scope#award}: 404 outside it). Proposals and their amounts
 * are {@link AwardProposals}'; approval, payment and cancellation {@link AwardTransitions}'.
 */
@ApplicationScoped
public class AwardService {
    static final Map<String, String> SORTABLE = Map.of("proposedOn", "a.proposedOn", "amount", "a.amount",
            "creditCode", "a.creditCode", "status", "a.status", "fiscalYear", "a.fiscalYear", "updatedAt", "a.updatedAt");

    /** What the caller sees and acts for (one definition per kind). */
    @Inject cn.liaocheng.rdcoverage.security.Scope scope;

    public List<AwardView> ofApplication(UUID applicationId) {
        return Award.<Award>list("applicationId = ?1 order by program, creditCode", applicationId).stream().map(AwardView::of).toList();
    }

    @Inject cn.liaocheng.rdcoverage.security.AuditHistory audit;
    @Inject Regions regions;

    /** Every recorded change of an award (proposal, approval, payment, cancellation), oldest first. */
    public List<cn.liaocheng.rdcoverage.security.AuditHistory.Entry> history(String rawId) {
        Award award = find(rawId);
        return audit.of(List.of(new cn.liaocheng.rdcoverage.security.AuditHistory.Source<>(Award.class, "award",
                org.hibernate.envers.query.AuditEntity.id().eq(award.id), a -> a.id.toString(),
                a -> cn.liaocheng.rdcoverage.security.AuditHistory.state("status", a.status, "amount", a.amount, "tier", a.tier, "approvedOn", a.approvedOn,
                        "disbursedOn", a.disbursedOn, "voucherRef", a.voucherRef, "cancelledOn", a.cancelledOn,
                        "cancelReason", a.cancelReason))));
    }

    public AwardView get(String rawId) {
        return AwardView.of(find(rawId));
    }

    Award find(String rawId) {
        return Where.findOr404("Award", rawId, id -> Award.findById(id),
                a -> scope.award(a.creditCode, a.regionCode, currentRegion(a.creditCode)));
    }

    private static String currentRegion(String creditCode) {
        Enterprise e = Enterprise.findById(creditCode);
        return e == null ? null : e.regionCode;
    }

    /** List filters of /awards. */
    public static class Filter extends SyncFilter {
        @jakarta.ws.rs.QueryParam("regionCode")
        public String regionCode;
        @jakarta.ws.rs.QueryParam("creditCode")
        public String creditCode;
        @jakarta.ws.rs.QueryParam("program")
        @Parameter(schema = @Schema(implementation = Award.Program.class))
        public String program;
        @jakarta.ws.rs.QueryParam("status")
        @Parameter(schema = @Schema(implementation = Award.AwardStatus.class))
        public String status;
        @jakarta.ws.rs.QueryParam("fiscalYear")
        public Integer fiscalYear;
    }

    public PageResult<AwardView> list(Filter f, PageQuery paging) {
        paging.validate();
        Where w = where(f);
        return paging.of(Award.<Award>find("from Award a" + w.clause() + " order by " + Sorting.orderBy(paging.sort, SORTABLE, "a.id"),
                w.params()), AwardView::of);
    }

    /**
     * Every award matching the filter in id order, for a streamed export: a thousand per short transaction, by keyset
     * (each chunk starts after the previous chunk's last id), so memory is one chunk and no award is skipped or written
     * twice when awards are added or deleted meanwhile (issue #20).
     */
    public void forEach(Filter f, Consumer<AwardView> sink) {
        Where w = where(f);
        UUID after = null;
        while (true) {
            Map<String, Object> params = new java.util.LinkedHashMap<>(w.params());
            String clause = w.clause();
            if (after != null) {
                clause += (clause.isEmpty() ? " where " : " and ") + "a.id > :after";
                params.put("after", after);
            }
            String query = "from Award a" + clause + " order by a.id";
            List<AwardView> chunk = QuarkusTransaction.requiringNew().call(() -> Award.<Award>find(query, params)
                    .page(Page.ofSize(1000)).list().stream().map(AwardView::of).toList());
            chunk.forEach(sink);
            if (chunk.size() < 1000) {
                return;
            }
            after = UUID.fromString(chunk.get(chunk.size() - 1).id());
        }
    }

    private Where where(Filter f) {
        Where w = scope.awards(new Where(), "a");
        if (w.has(f.regionCode)) {
            w.and("a.regionCode = :region", "region", regions.code("regionCode", f.regionCode));
        }
        if (w.has(f.creditCode)) {
            w.and("a.creditCode = :code", "code", f.creditCode.trim().toUpperCase(Locale.ROOT));
        }
        if (w.has(f.program)) {
            w.and("a.program = :program", "program", Where.parseEnum(Award.Program.class, "program", f.program));
        }
        if (w.has(f.status)) {
            w.and("a.status = :status", "status", Where.parseEnum(Award.AwardStatus.class, "status", f.status));
        }
        if (f.fiscalYear != null) {
            w.and("a.fiscalYear = :fy", "fy", f.fiscalYear);
        }
        w.updatedSince("a", f.updatedSince);
        return w;
    }
}
