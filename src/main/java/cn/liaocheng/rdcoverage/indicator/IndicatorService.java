package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.institution.InstitutionYear;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.institution.InstitutionCapacity;
import cn.liaocheng.rdcoverage.institution.InstitutionService;
import cn.liaocheng.rdcoverage.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Yearly indicators of an institution, in the scope of the caller (the institution's own reads decide it). */
@ApplicationScoped
public class IndicatorService {
    @Inject InstitutionService institutions;
    @Inject cn.liaocheng.rdcoverage.coverage.InstitutionCoverage institutionCoverage;
    @Inject Caller caller;
    @Inject Clock clock;
    @Inject Changes changes;

    public List<IndicatorView> list(String rawId) {
        UUID id = institution(rawId);
        return InstitutionIndicator.<InstitutionIndicator>list("institutionId = ?1 order by year desc", id).stream()
                .map(this::view).toList();
    }

    public IndicatorView get(String rawId, int year) {
        UUID id = institution(rawId);
        InstitutionIndicator x = InstitutionIndicator.findById(new InstitutionYear(id, year));
        if (x == null) {
            throw ApiException.notFound("Indicators of " + year, rawId);
        }
        return view(x);
    }

    /** Sets one year's indicators; true when they are new. If-Match (optional) guards a correction. */
    @Transactional
    public boolean put(String rawId, int year, IndicatorInput in, String ifMatch) {
        UUID id = institution(rawId);
        checkYear(year);
        check(in);
        InstitutionIndicator x = InstitutionIndicator.findById(new InstitutionYear(id, year));
        boolean created = x == null;
        if (created) {
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")) {
                ETags.checkIfMatch(ifMatch, -1);
            }
            x = new InstitutionIndicator();
            x.institutionId = id;
            x.year = year;
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.checkIfMatch(ifMatch, x.version);
        }
        apply(x, in, caller.subject(), Instant.now(clock));
        if (created) {
            x.persist();
        }
        InstitutionIndicator.flush();
        institutionCoverage.refresh(List.of(id)); // the indicators report's copy (issue #18)
        InstitutionIndicator written = x;
        changes.record(EventType.INDICATORS_UPDATED, id + "/" + year, () -> view(written));
        return created;
    }

    static void apply(InstitutionIndicator x, IndicatorInput in, String by, Instant now) {
        x.patentApplications = in.patentApplications();
        x.inventionPatentApplications = in.inventionPatentApplications();
        x.patentsGranted = in.patentsGranted();
        x.newProducts = in.newProducts();
        x.updatedAt = now;
        x.updatedBy = by;
    }

    /** Invention patent applications are part of the patent applications; the message names the field. */
    static FieldMessage problem(IndicatorInput in) {
        return in.inventionPatentApplications() > in.patentApplications()
                ? FieldMessage.of("must not exceed patentApplications (" + in.patentApplications() + ")",
                "field.OUT_OF_RANGE.invention-patents", in.inventionPatentApplications(), in.patentApplications()) : null;
    }

    private static void check(IndicatorInput in) {
        FieldMessage problem = problem(in);
        if (problem != null) {
            throw ApiException.invalid("inventionPatentApplications", problem);
        }
    }

    void checkYear(int year) {
        if (year < 1990) {
            throw ApiException.invalid("year", FieldMessage.of("must be 1990 or later", "field.OUT_OF_RANGE.min-year", 1990, year));
        }
        if (year > LocalDate.now(clock).getYear()) {
            throw ApiException.invalid("year", FieldMessage.of("must not be in the future", "field.IN_FUTURE.date"));
        }
    }

    private UUID institution(String rawId) {
        return UUID.fromString(institutions.get(rawId).id());
    }

    private IndicatorView view(InstitutionIndicator x) {
        InstitutionCapacity c = InstitutionCapacity.findById(new InstitutionYear(x.institutionId, x.year));
        return new IndicatorView(x.institutionId.toString(), x.year, x.patentApplications, x.inventionPatentApplications,
                x.patentsGranted, x.newProducts, c == null ? null : c.capacity.rdExpenditure, c == null ? null : c.capacity.personnel,
                x.updatedAt, x.updatedBy, x.version);
    }
}
