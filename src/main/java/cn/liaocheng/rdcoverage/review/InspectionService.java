package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.capacity.CapacityInput;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.review.ReviewViews.InspectionView;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Inspections assigned by the city task force and recorded by their assessor; concluded ones are read-only. */
@ApplicationScoped
public class InspectionService {
    @jakarta.inject.Inject Changes changes; // the change feed (issue 16)
    @Inject ReviewService review;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject Clock clock;
    @Inject cn.liaocheng.rdcoverage.policy.Policies policies;

    @Transactional
    public InspectionView assign(ReviewInputs.InspectionInput in) {
        Application a = review.find(in.applicationId());
        if (a.status != ApplicationStatus.UNDER_ASSESSMENT) {
            throw ApiException.conflict("application-not-under-assessment", "Application " + a.id + " is " + a.status
                    + "; inspections are assigned while it is UNDER_ASSESSMENT").zh("detail.application-not-under-assessment", a.id, a.status);
        }
        Inspection i = new Inspection();
        i.applicationId = a.id;
        i.kind = in.kind();
        i.assessorKind = in.assessorKind();
        i.assessorId = in.assessorId().trim();
        i.assessorName = in.assessorName();
        i.status = Inspection.InspectionStatus.ASSIGNED;
        i.createdAt = Instant.now(clock);
        i.persistAndFlush();
        return changes.recorded(EventType.INSPECTION_ASSIGNED, i.id, InspectionView.of(i));
    }

    public InspectionView get(String rawId) {
        return InspectionView.of(find(rawId));
    }

    public PageResult<InspectionView> list(String applicationId, String assessorId, PageQuery paging) {
        return list(applicationId, assessorId, null, paging);
    }

    private static final Map<String, String> SORTABLE = Map.of("id", "i.id", "updatedAt", "i.updatedAt",
            "conductedOn", "i.conductedOn", "status", "i.status");

    /** As above, only those changed at or after updatedSince (for sync); sort allow-listed. */
    public PageResult<InspectionView> list(String applicationId, String assessorId, String updatedSince, PageQuery paging) {
        paging.validate();
        Where w = scope.inspections(new Where(), "i");
        if (w.has(applicationId)) {
            w.and("i.applicationId = :app", "app", Where.parseId("applicationId", applicationId));
        }
        if (w.has(assessorId)) {
            w.and("i.assessorId = :assessor", "assessor", assessorId.trim());
        }
        w.updatedSince("i", updatedSince);
        return paging.of(Inspection.<Inspection>find("from Inspection i" + w.clause() + " order by "
                + cn.liaocheng.rdcoverage.common.Sorting.orderBy(paging.sort, SORTABLE, "i.id"), w.params()), InspectionView::of);
    }

    @Transactional
    public InspectionView record(String rawId, ReviewInputs.InspectionRecord in, String ifMatch) {
        Inspection i = find(rawId);
        if (!caller.is(Role.ASSESSOR) || !i.assessorId.equals(caller.assessorId())) {
            throw ApiException.forbidden("Only the assessor assigned to this inspection records it");
        }
        ETags.checkIfMatch(ifMatch, i.version);
        if (i.status != Inspection.InspectionStatus.ASSIGNED) {
            throw ApiException.conflict("inspection-" + i.status.name().toLowerCase(java.util.Locale.ROOT),
                    "Inspection " + i.id + " is " + i.status + " and read-only").zh("detail.inspection-closed.record", i.id, i.status);
        }
        LocalDate today = LocalDate.now(clock);
        if (in.conductedOn() != null) {
            if (in.conductedOn().isAfter(today)) {
                throw ApiException.invalid("conductedOn", FieldMessage.of("must not be in the future", "field.IN_FUTURE.date"));
            }
            Application a = Application.findById(i.applicationId);
            Timeline.requireNotBefore("conductedOn", in.conductedOn(), Timeline.latest(a, i.createdAt, clock.getZone()));
            i.conductedOn = in.conductedOn();
        }
        if (in.verifiedCapacity() != null) {
            CapacityInput.refuseYear(in.verifiedCapacity(), "verifiedCapacity");
            i.capacity = CapacityMapper.columns(in.verifiedCapacity());
        }
        if (in.findings() != null) {
            i.findings = in.findings().trim();
        }
        if (in.conclusion() != null) {
            conclude(i, in.conclusion());
        }
        i.updatedAt = Instant.now(clock);
        i.persistAndFlush();
        return changes.recorded(EventType.INSPECTION_RECORDED, i.id, InspectionView.of(i));
    }

    /**
     * Concludes the inspection: 400 unless it was conducted, and for an on-site inspection unless it verified the
     * capacity (where capacity applies, {@link #capacityApplies}).
     */
    private void conclude(Inspection i, Inspection.Conclusion conclusion) {
        if (i.conductedOn == null) {
            throw ApiException.invalid("conductedOn", FieldMessage.of("is required to conclude an inspection", "field.REQUIRED.conclude"));
        }
        if (i.kind == Inspection.InspectionKind.ON_SITE && !i.hasVerifiedCapacity() && capacityApplies(i)) {
            throw ApiException.invalid("verifiedCapacity", FieldMessage.of("is required to conclude an on-site inspection", "field.REQUIRED.verified-capacity"));
        }
        i.conclusion = conclusion;
        i.status = Inspection.InspectionStatus.CONCLUDED;
    }

    /**
     * Whether the inspected institution's capacity applies under the policy in force on the inspection's date: not for
     * an INDUSTRY (产业共建) institution while {@code interpretations.industryCapacityRequired} is false, whose on-site
     * inspection then concludes without verified capacity.
     */
    private boolean capacityApplies(Inspection i) {
        Application a = Application.findById(i.applicationId);
        cn.liaocheng.rdcoverage.institution.Institution inst = a == null ? null
                : cn.liaocheng.rdcoverage.institution.Institution.findById(a.institutionId);
        return inst == null || policies.inForce(i.conductedOn).interpretations().capacityApplies(inst.buildMode);
    }

    /** The city cancels an inspection still ASSIGNED (e.g. so that RECOGNIZE may go on); the reason is kept. */
    @Transactional
    public InspectionView cancel(String rawId, ReviewInputs.Cancellation in, String ifMatch) {
        Inspection i = find(rawId);
        ETags.checkIfMatch(ifMatch, i.version);
        if (i.status != Inspection.InspectionStatus.ASSIGNED) {
            throw ApiException.conflict("inspection-" + i.status.name().toLowerCase(java.util.Locale.ROOT),
                    "Inspection " + i.id + " is " + i.status + "; only an ASSIGNED inspection can be cancelled").zh("detail.inspection-closed.cancel", i.id, i.status);
        }
        i.status = Inspection.InspectionStatus.CANCELLED;
        i.findings = ("Cancelled by " + caller.subject() + ": " + in.reason().trim()
                + (i.findings == null ? "" : "\n" + i.findings));
        if (i.findings.length() > 4000) {
            i.findings = i.findings.substring(0, 4000);
        }
        i.updatedAt = Instant.now(clock);
        i.persistAndFlush();
        return changes.recorded(EventType.INSPECTION_CANCELLED, i.id, InspectionView.of(i));
    }

    Inspection find(String rawId) {
        UUID id = Where.idOr404("Inspection", rawId);
        Inspection i = Inspection.findById(id);
        if (i == null) {
            throw ApiException.notFound("Inspection", rawId);
        }
        if (caller.is(Role.ASSESSOR)) {
            if (!i.assessorId.equals(caller.assessorId())) {
                throw ApiException.notFound("Inspection", rawId);
            }
        } else {
            review.find(i.applicationId.toString());
        }
        return i;
    }
}
