package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.award.AwardProposals;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.coverage.CoverageLedger;
import cn.liaocheng.rdcoverage.eligibility.Capacity;
import cn.liaocheng.rdcoverage.eligibility.Criterion;
import cn.liaocheng.rdcoverage.eligibility.Result;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.institution.InstitutionService;
import cn.liaocheng.rdcoverage.institution.InstitutionStatus;
import cn.liaocheng.rdcoverage.policy.Policies;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The city's recognition decision (RECOGNIZE): on which capacity the institution is evaluated (the verified capacity
 * of the latest concluded on-site inspection, else the capacity declared at submission; none while an on-site
 * inspection is open: 409), the evaluation with the policy in force on the decision date, the override a
 * non-qualifying institution needs (422 {@code not-qualified} listing the unmet criteria; a reason), the decision kept
 * with the application, the policy version locked, the institution RECOGNIZED, and the awards proposed.
 */
@ApplicationScoped
public class RecognitionDecision {
    @Inject InstitutionService institutions;
    @Inject AwardProposals proposals;
    @Inject Policies policies;
    @Inject CoverageLedger ledger;
    @Inject Changes changes;
    @Inject ObjectMapper json;
    @Inject Clock clock;

    /** The capacity the decision rests on and where it comes from (ON_SITE_INSPECTION id, or DECLARED). */
    private record Assessed(Capacity capacity, String source) {
    }

    /**
     * Evaluates eligibility on the verified capacity of the latest concluded on-site inspection (else the capacity
     * declared at submission) with the policy in force on {@code decidedOn}, keeps the result with the decision, and
     * needs an explicit override with a reason when the institution does not qualify. Returns why participants got
     * no award.
     */
    List<AwardProposals.Note> recognize(Application a, Institution inst, ReviewInputs.Transition t, LocalDate decidedOn) {
        requireNoOpenInspection(a);
        Assessed assessed = assessedCapacity(a);
        Result result = institutions.evaluate(inst, decidedOn, assessed.capacity());
        boolean override = Boolean.TRUE.equals(t.override());
        if (!result.qualified()) {
            requireOverride(result, override, t.reason(), decidedOn, assessed.source());
        }
        keepDecision(a, result, assessed.source(), override, t.reason(), decidedOn);
        policies.lock(result.policyId());
        if (inst.status != InstitutionStatus.RECOGNIZED) {
            inst.status = InstitutionStatus.RECOGNIZED;
            inst.recognizedOn = decidedOn;
            inst.updatedAt = Instant.now(clock);
            ledger.refresh(inst.participants);
            changes.record(EventType.INSTITUTION_RECOGNIZED, inst.id, () -> institutions.get(inst.id.toString()));
        }
        return proposals.proposeOnRecognition(inst.id, a.id, result, decidedOn, a.overrideApplied);
    }

    private static void requireNoOpenInspection(Application a) {
        Inspection open = Inspection.<Inspection>find("applicationId = ?1 and kind = ?2 and status = ?3 order by createdAt",
                a.id, Inspection.InspectionKind.ON_SITE, Inspection.InspectionStatus.ASSIGNED).firstResult();
        if (open != null) {
            throw ApiException.conflict("inspection-open", "On-site inspection " + open.id + " (assessor " + open.assessorId
                    + ") is still open; recognise after it is concluded, or cancel it first (POST /api/v1/inspections/"
                    + open.id + "/cancellation)", Map.of("inspectionId", open.id.toString(), "assessorId", open.assessorId))
                            .zh("detail.inspection-open", open.id, open.assessorId);
        }
    }

    private static Assessed assessedCapacity(Application a) {
        Inspection onSite = Inspection.<Inspection>find("applicationId = ?1 and kind = ?2 and status = ?3 and capacity.personnel is not null "
                        + "order by conductedOn desc, updatedAt desc", a.id, Inspection.InspectionKind.ON_SITE, Inspection.InspectionStatus.CONCLUDED)
                .firstResult();
        if (onSite != null) {
            return new Assessed(CapacityMapper.facts(onSite.capacity), "ON_SITE_INSPECTION " + onSite.id);
        }
        return new Assessed(CapacityMapper.facts(a.capacity), "DECLARED");
    }

    /** A non-qualifying institution: 422 listing the unmet criteria without {@code override}, 400 without a reason. */
    private static void requireOverride(Result result, boolean override, String reason, LocalDate decidedOn, String source) {
        if (!override) {
            List<Map<String, Object>> unmet = new ArrayList<>();
            for (Criterion c : result.unmet()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", c.code());
                m.put("participant", c.participant());
                m.put("required", c.required());
                m.put("actual", c.actual());
                unmet.add(m);
            }
            throw ApiException.unprocessable("not-qualified", "The institution does not meet the construction standard on "
                    + decidedOn + " (" + source + "); recognising it needs override: true and a reason",
                    Map.of("unmetCriteria", unmet, "capacitySource", source, "policyId", result.policyId()))
                            .zh("detail.not-qualified", decidedOn, source);
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason", FieldMessage.of("is required when recognising with an override", "field.REQUIRED.override-reason"));
        }
    }

    /** The decision with the application: date, policy, capacity source, override and reason, the result as JSON. */
    private void keepDecision(Application a, Result result, String source, boolean override, String reason, LocalDate decidedOn) {
        a.decidedOn = decidedOn;
        a.decisionPolicyId = result.policyId();
        a.decisionCapacitySource = source;
        a.overrideApplied = !result.qualified() && override;
        a.overrideReason = a.overrideApplied ? reason.trim() : null;
        try {
            a.decisionResult = json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
