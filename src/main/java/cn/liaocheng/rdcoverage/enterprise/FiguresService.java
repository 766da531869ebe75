package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.coverage.CoverageLedger;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An enterprise's yearly figures ({@link EnterpriseFigures}, one row per statistical year): read, put and deleted
 * one year at a time, or given with a new enterprise. A year lies within {@link EnterpriseLimits#yearProblem} (400
 * naming the field); the size class is {@link SizeRules}'; the enterprise's size class, above-designated-size flag and
 * figures year mirror its latest year (an ENTERPRISE_UPDATED event when they change). A year without a row is a 404.
 */
@ApplicationScoped
public class FiguresService {
    @Inject EnterpriseService enterprises;
    @Inject SizeRules sizeRules;
    @Inject CoverageLedger ledger;

    @Inject
    Changes changes; // the change feed (issue 16)

    @Inject Clock clock;
    @Inject Scope scope;

    /** The figures of one year and whether the put created them. */
    public record PutResult(FiguresView figures, boolean created) {
    }

    /** Every year, latest first. */
    public List<FiguresView> figures(String rawCode) {
        Enterprise e = enterprises.find(rawCode);
        return EnterpriseFigures.<EnterpriseFigures>list("creditCode = ?1 order by year desc", e.creditCode)
                .stream().map(FiguresView::of).toList();
    }

    public FiguresView figures(String rawCode, int year) {
        return FiguresView.of(stored(enterprises.find(rawCode), year));
    }

    @Transactional
    public PutResult put(String rawCode, int year, FiguresInput input, String ifMatch) {
        Enterprise e = enterprises.find(rawCode);
        ApiException.requirePathYear(input.year(), year);
        FieldMessage yearProblem = EnterpriseLimits.yearProblem(year, LocalDate.now(clock).getYear());
        if (yearProblem != null) {
            throw ApiException.invalid("year", yearProblem);
        }
        EnterpriseFigures f = EnterpriseFigures.findById(new EnterpriseFigures.Key(e.creditCode, year));
        boolean created = f == null;
        if (created) {
            f = new EnterpriseFigures();
            f.creditCode = e.creditCode;
            f.year = year;
            f.regionCode = e.regionCode;
        } else {
            ETags.checkIfMatch(ifMatch, f.version);
        }
        String newRegion = input.regionCode() == null ? f.regionCode : yearRegion(input.regionCode());
        requireWrites(e, year, created ? null : f.regionCode, newRegion);
        f.regionCode = newRegion;
        Instant now = Instant.now(clock);
        sizeRules.apply(f, input.employees(), input.revenue(), input.aboveDesignatedSize());
        f.updatedAt = now;
        if (created) {
            f.persist();
        }
        remirror(e, now);
        EnterpriseFigures.flush();
        ledger.refresh(List.of(e.creditCode));
        return new PutResult(changes.recorded(EventType.FIGURES_UPDATED, e.creditCode + "/" + year, FiguresView.of(f)), created);
    }

    @Transactional
    public void delete(String rawCode, int year, String ifMatch) {
        Enterprise e = enterprises.find(rawCode);
        EnterpriseFigures f = stored(e, year);
        requireWrites(e, year, f.regionCode, f.regionCode);
        ETags.requireIfMatch(ifMatch, f.version, "the " + year + " figures of " + e.creditCode);
        changes.deleted(EventType.FIGURES_DELETED, e.creditCode + "/" + year, FiguresView.of(f));
        f.delete();
        EnterpriseFigures.flush();
        remirror(e, Instant.now(clock));
        ledger.refresh(List.of(e.creditCode));
    }

    private static EnterpriseFigures stored(Enterprise e, int year) {
        EnterpriseFigures f = EnterpriseFigures.findById(new EnterpriseFigures.Key(e.creditCode, year));
        if (f == null) {
            throw ApiException.notFound("Figures of " + e.creditCode + " for year", year);
        }
        return f;
    }

    /** The figures given with a new enterprise: each year present, within the limits, and given once (400 naming it). */
    void check(List<FiguresInput> figures) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < figures.size(); i++) {
            FiguresInput f = figures.get(i);
            if (f.year() == null) {
                errors.add(new Problem.FieldError("figures[" + i + "].year", FieldMessage.of("is required", "field.REQUIRED.year")));
            } else if (EnterpriseLimits.yearProblem(f.year(), LocalDate.now(clock).getYear()) != null) {
                errors.add(new Problem.FieldError("figures[" + i + "].year", EnterpriseLimits.yearProblem(f.year(), LocalDate.now(clock).getYear())));
            } else if (!years.add(f.year())) {
                errors.add(new Problem.FieldError("figures[" + i + "].year", FieldMessage.of("appears twice", "field.DUPLICATE.year", f.year())));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** Stores the checked figures of a new enterprise and mirrors the latest year onto it. */
    void store(Enterprise e, List<FiguresInput> figures, Instant now) {
        EnterpriseFigures latest = null;
        for (FiguresInput in : figures) {
            EnterpriseFigures f = new EnterpriseFigures();
            f.creditCode = e.creditCode;
            f.year = in.year();
            f.regionCode = in.regionCode() == null ? e.regionCode : yearRegion(in.regionCode());
            sizeRules.apply(f, in.employees(), in.revenue(), in.aboveDesignatedSize());
            f.updatedAt = now;
            f.persist();
            if (latest == null || f.year > latest.year) {
                latest = f;
            }
        }
        e.mirror(latest);
    }

    /** 403 unless the caller writes this year's figures: a county officer its own county's years only (security.Scope). */
    private void requireWrites(Enterprise e, int year, String storedRegion, String newRegion) {
        if (!scope.writesFigures(storedRegion, newRegion)) {
            String outside = storedRegion != null && !scope.writesFigures(null, storedRegion) ? storedRegion : newRegion;
            throw ApiException.forbidden("The " + year + " figures of " + e.creditCode + " lie in region " + outside
                    + "; a county officer writes only its own region's years (" + scope.importRegion() + ")");
        }
    }

    /** A region given for one year's figures, trimmed: known, and within a county officer's scope. */
    private String yearRegion(String code) {
        String region = code.trim();
        enterprises.checkRegion(region, code);
        return region;
    }

    /** The enterprise's mirror of its latest year, again; an ENTERPRISE_UPDATED event when it changed. */
    private void remirror(Enterprise e, Instant now) {
        EnterpriseFigures latest = EnterpriseFigures.<EnterpriseFigures>find("creditCode = ?1 order by year desc", e.creditCode).firstResult();
        Integer year = e.figuresYear;
        SizeClass size = e.sizeClass;
        Boolean above = e.aboveDesignatedSize;
        e.mirror(latest);
        if (!Objects.equals(year, e.figuresYear) || size != e.sizeClass || !Objects.equals(above, e.aboveDesignatedSize)) {
            e.updatedAt = now;
            changes.record(EventType.ENTERPRISE_UPDATED, e.creditCode, () -> enterprises.view(e));
        }
    }
}
