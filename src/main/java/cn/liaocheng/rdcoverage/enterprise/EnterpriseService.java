package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.common.VisibleText;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.ProblemMappers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Sorting;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.security.AuditHistory;
import cn.liaocheng.rdcoverage.security.Caller;
import org.hibernate.envers.query.AuditEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The enterprise registry: enterprises by credit code (declared, replaced, deleted while no institution names them),
 * read and listed in the caller's scope ({@link cn.liaocheng.rdcoverage.security.Scope#enterprise}: 404 outside it),
 * and where an enterprise may be placed ({@link #checkRegion}). Their yearly figures are {@link FiguresService}'s.
 * Writes are transactional; reads are not.
 */
@ApplicationScoped
public class EnterpriseService {
    @Inject cn.liaocheng.rdcoverage.coverage.CoverageLedger ledger;
    @jakarta.inject.Inject Changes changes; // the change feed (issue 16)

    static final Map<String, String> SORTABLE = Map.of(
            "creditCode", "e.creditCode",
            "name", "e.name",
            "regionCode", "e.regionCode",
            "sizeClass", "e.sizeClass",
            "figuresYear", "e.figuresYear",
            "createdAt", "e.createdAt",
            "updatedAt", "e.updatedAt");

    @Inject Regions regions;
    @Inject FiguresService yearly;
    @Inject Clock clock;
    @Inject Validator validator;
    @Inject Caller caller;

    /** What the caller sees and acts for (one definition per kind). */
    @Inject cn.liaocheng.rdcoverage.security.Scope scope;
    @Inject AuditHistory audit;

    public EnterpriseView get(String rawCode) {
        return view(find(rawCode));
    }

    public PageResult<EnterpriseView> list(EnterpriseFilter filter, PageQuery paging) {
        paging.validate();
        Where where = where(filter);
        String order = Sorting.orderBy(paging.sort, SORTABLE, "e.creditCode");
        return paging.of(Enterprise.<Enterprise>find("from Enterprise e" + where.clause() + " order by " + order, where.params()),
                this::view);
    }

    /** Every enterprise matching the filter, in credit-code order, a chunk per transaction (for CSV). */
    public void forEach(EnterpriseFilter filter, Consumer<EnterpriseView> sink) {
        forEachWithFigures(filter, row -> sink.accept(row.enterprise()));
    }

    /**
     * An enterprise with the region, employees and revenue of its latest year (null without figures): a row of the list
     * export.
     */
    public record ListedRow(EnterpriseView enterprise, String figuresRegionCode, Integer employees, java.math.BigDecimal revenue) {
    }

    /** Every enterprise matching the filter, in credit-code order, with its latest year's figures; read 1000 at a time. */
    public void forEachWithFigures(EnterpriseFilter filter, Consumer<ListedRow> sink) {
        Where where = where(filter);
        String after = "";
        while (true) {
            String cursor = after;
            Map<String, Object> params = new LinkedHashMap<>(where.params());
            params.put("after", cursor);
            List<ListedRow> chunk = QuarkusTransaction.requiringNew().call(() -> {
                List<Enterprise> ents = Enterprise.<Enterprise>find("from Enterprise e" + where.clause()
                                + (where.clause().isEmpty() ? " where" : " and") + " e.creditCode > :after order by e.creditCode", params)
                        .page(Page.ofSize(1000)).list();
                Map<String, EnterpriseFigures> latest = new java.util.HashMap<>();
                if (!ents.isEmpty()) {
                    List<String> codes = ents.stream().map(x -> x.creditCode).toList();
                    for (EnterpriseFigures f : EnterpriseFigures.<EnterpriseFigures>list(
                            "select f from EnterpriseFigures f, Enterprise e where f.creditCode = e.creditCode"
                                    + " and f.year = e.figuresYear and e.creditCode in ?1", codes)) {
                        latest.put(f.creditCode, f);
                    }
                }
                return ents.stream().map(x -> {
                    EnterpriseFigures f = latest.get(x.creditCode);
                    return new ListedRow(view(x), f == null ? null : f.regionCode, f == null ? null : f.employees,
                            f == null ? null : f.revenue);
                }).toList();
            });
            chunk.forEach(sink);
            if (chunk.size() < 1000) {
                return;
            }
            after = chunk.get(chunk.size() - 1).enterprise().creditCode();
        }
    }

    @Transactional
    public EnterpriseView create(EnterpriseInput input) {
        String code = validCode("creditCode", input.creditCode());
        checkRegion(input.regionCode(), input.regionCode());
        List<FiguresInput> figures = input.figures() == null ? List.of() : input.figures();
        yearly.check(figures);
        if (Enterprise.findById(code) != null) {
            throw ApiException.conflict("duplicate", "Enterprise " + code + " already exists; use PUT /api/v1/enterprises/" + code + " to change it")
                    .zh("detail.duplicate.enterprise", code);
        }
        Instant now = Instant.now(clock);
        Enterprise e = new Enterprise();
        e.creditCode = code;
        e.createdAt = now;
        apply(e, input, now);
        e.persist();
        yearly.store(e, figures, now);
        Enterprise.flush();
        ledger.refresh(List.of(code));
        EnterpriseView created = changes.recorded(EventType.ENTERPRISE_CREATED, e.creditCode, view(e));
        EnterpriseFigures.<EnterpriseFigures>list("creditCode", code).forEach(f -> changes.record(EventType.FIGURES_UPDATED, code + "/" + f.year, FiguresView.of(f)));
        return created;
    }

    @Transactional
    public EnterpriseView replace(String rawCode, EnterpriseInput input, String ifMatch) {
        Enterprise e = find(rawCode);
        ETags.checkIfMatch(ifMatch, e.version);
        if (input.creditCode() != null && !e.creditCode.equals(CreditCode.normalise(input.creditCode()))) {
            throw ApiException.invalid("creditCode", FieldMessage.of("must equal the credit code in the path (" + e.creditCode + "); a credit code never changes", "field.INVALID_VALUE.path-credit-code", e.creditCode));
        }
        if (input.figures() != null) {
            throw ApiException.invalid("figures", FieldMessage.of("cannot be replaced here; use PUT /api/v1/enterprises/" + e.creditCode + "/figures/{year}", "field.INVALID.figures-here", e.creditCode));
        }
        checkRegion(input.regionCode(), input.regionCode());
        apply(e, input, Instant.now(clock));
        Enterprise.flush();
        ledger.refresh(List.of(e.creditCode));
        return changes.recorded(EventType.ENTERPRISE_UPDATED, e.creditCode, view(e));
    }

    @Transactional
    public void delete(String rawCode, String ifMatch) {
        Enterprise e = find(rawCode);
        ETags.requireIfMatch(ifMatch, e.version, "enterprise " + e.creditCode + " (and all its figures)");
        @SuppressWarnings("unchecked")
        List<Object> institutions = Enterprise.getEntityManager().createNativeQuery(
                "select institution_id from institution_participant where credit_code = :code")
                .setParameter("code", e.creditCode).getResultList();
        if (!institutions.isEmpty()) {
            List<String> ids = institutions.stream().map(String::valueOf).toList();
            throw ApiException.conflict("enterprise-in-use", "Enterprise " + e.creditCode + " takes part in "
                    + ids.size() + " institution(s) (" + String.join(", ", ids) + "); it cannot be deleted while it does. "
                    + "Remove it from those institutions (or delete the declared ones) first; a recognised institution "
                    + "keeps its participants for the record", Map.of("institutionIds", ids))
                            .zh("detail.enterprise-in-use", e.creditCode, ids.size(), String.join(", ", ids));
        }
        // entity by entity, so that the audit trail records each deleted year
        changes.deleted(EventType.ENTERPRISE_DELETED, e.creditCode, view(e));
        for (EnterpriseFigures f : EnterpriseFigures.<EnterpriseFigures>list("creditCode", e.creditCode)) {
            f.delete();
        }
        e.delete();
        ledger.refresh(List.of(e.creditCode));
    }

    /** Every recorded change of the enterprise and its yearly figures, oldest first. */
    public List<AuditHistory.Entry> history(String rawCode) {
        Enterprise e = find(rawCode);
        return audit.of(List.of(
                new AuditHistory.Source<>(Enterprise.class, "enterprise", AuditEntity.id().eq(e.creditCode), x -> x.creditCode,
                        x -> AuditHistory.state("name", x.name, "regionCode", x.regionCode, "industryCode", x.industryCode,
                                "address", x.address, "keyEnterprise", x.keyEnterprise, "keyIndustry", x.keyIndustry,
                                "figuresYear", x.figuresYear, "sizeClass", x.sizeClass, "aboveDesignatedSize", x.aboveDesignatedSize)),
                new AuditHistory.Source<>(EnterpriseFigures.class, "figures", AuditEntity.property("originalId.creditCode").eq(e.creditCode),
                        f -> Integer.toString(f.year),
                        f -> AuditHistory.state("year", f.year, "employees", f.employees, "revenue", f.revenue,
                                "aboveDesignatedSize", f.aboveDesignatedSize, "sizeClass", f.sizeClass, "regionCode", f.regionCode))));
    }

    private void apply(Enterprise e, EnterpriseInput input, Instant now) {
        String name = VisibleText.trim(input.name());
        if (name == null) { // only invisible characters (U+3000, U+00A0), which @NotBlank lets through
            throw ApiException.invalid("name", EnterpriseLimits.nameProblem(input.name()));
        }
        e.name = name;
        e.regionCode = input.regionCode();
        e.industryCode = blankToNull(input.industryCode());
        e.address = blankToNull(input.address());
        e.keyEnterprise = Boolean.TRUE.equals(input.keyEnterprise());
        e.keyIndustry = Boolean.TRUE.equals(input.keyIndustry());
        e.updatedAt = now;
    }

    Enterprise find(String rawCode) {
        String code = validCode("creditCode", rawCode);
        Enterprise e = Enterprise.findById(code);
        if (e == null || !scope.enterprise(e.creditCode, e.regionCode)) {
            throw ApiException.notFound("Enterprise", code);
        }
        return e;
    }

    EnterpriseView view(Enterprise e) {
        Regions.RegionView region = regions.get(e.regionCode);
        return new EnterpriseView(e.creditCode, e.name, e.regionCode, region == null ? null : region.name(),
                e.industryCode, e.address, e.keyEnterprise, e.keyIndustry, e.figuresYear, e.sizeClass,
                e.aboveDesignatedSize, e.createdAt, e.updatedAt, e.version);
    }

    /**
     * Every problem of a new enterprise's body in one 400, the credit code's among them (a portal's form shows them
     * all at once; {@code @Valid} alone named name and regionCode first and the credit code only on the next try).
     */
    public void requireValidNew(EnterpriseInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<EnterpriseInput> v : validator.validate(input)) {
            errors.add(ProblemMappers.fieldError("", v));
        }
        FieldMessage code = CreditCode.problem(CreditCode.normalise(input.creditCode()));
        if (code != null) {
            errors.add(new Problem.FieldError("creditCode", code));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
            throw ApiException.invalid(errors);
        }
    }

    private String validCode(String field, String raw) {
        String code = CreditCode.normalise(raw);
        FieldMessage problem = CreditCode.problem(code);
        if (problem != null) {
            throw ApiException.invalid(field, problem);
        }
        return code;
    }

    /**
     * Where an enterprise (or one year of its figures) may be placed: a region of Liaocheng (400 naming
     * {@code regionCode}, quoting the code as {@code given}) within the caller's scope (403).
     */
    void checkRegion(String region, String given) {
        if (!regions.exists(region)) {
            throw ApiException.invalid("regionCode", Regions.unknown(given));
        }
        if (!scope.actsFor(region)) {
            throw ApiException.forbidden("A county officer of " + caller.regionCode()
                    + " cannot place an enterprise in region " + region);
        }
    }

    private Where where(EnterpriseFilter f) {
        Where w = scope.enterprises(new Where(), "e");
        if (w.has(f.regionCode)) {
            w.and("e.regionCode = :region", "region", regions.code("regionCode", f.regionCode));
        }
        if (w.has(f.sizeClass)) {
            w.and("e.sizeClass = :size", "size", Where.parseEnum(SizeClass.class, "sizeClass", f.sizeClass));
        }
        if (f.aboveDesignatedSize != null) {
            w.and("e.aboveDesignatedSize = :above", "above", f.aboveDesignatedSize);
        }
        if (f.keyEnterprise != null) {
            w.and("e.keyEnterprise = :keyEnterprise", "keyEnterprise", f.keyEnterprise);
        }
        if (f.keyIndustry != null) {
            w.and("e.keyIndustry = :keyIndustry", "keyIndustry", f.keyIndustry);
        }
        if (w.has(f.q)) {
            // NFKC on the query; on the stored names the forms that differ in practice: full-width brackets and spaces,
            // so that （集团） and (集团) find each other; escaped with '!' so that it works in every sql_mode
            w.and("lower(replace(replace(replace(e.name, '\uFF08', '('), '\uFF09', ')'), '\u3000', ' ')) like :q"
                    + cn.liaocheng.rdcoverage.common.LikePattern.ESCAPE, "q", cn.liaocheng.rdcoverage.common.LikePattern.contains(
                    java.text.Normalizer.normalize(f.q.trim(), java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)));
        }
        w.updatedSince("e", f.updatedSince);
        return w;
    }

    private static String blankToNull(String s) {
        return VisibleText.trim(s);
    }
}
