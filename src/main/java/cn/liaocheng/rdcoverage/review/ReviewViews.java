package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.award.AwardService;
import cn.liaocheng.rdcoverage.award.AwardView;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** API shapes of the review workflow. */
public final class ReviewViews {
    private ReviewViews() {
    }

    public record RoundView(String id, int year, int half, LocalDate opensOn, LocalDate closesOn, RoundStatus status,
                            Instant updatedAt, @JsonIgnore long version) {
        static RoundView of(Round r) {
            return new RoundView(r.id, r.year, r.half, r.opensOn, r.closesOn, r.status, r.updatedAt, r.version);
        }
    }

    public record CapacityView(Integer year, int personnel, BigDecimal equipmentValue, BigDecimal rdExpenditure,
                               BigDecimal floorArea, int projectCount, boolean hasRules, boolean hasStableFunding) {
    }

    public record EventView(String action, String fromStatus, String toStatus, String actor, String role, String comment,
                            Boolean override, String reason, Instant at) {
    }

    /** The city's decision: the eligibility result it rests on, the policy and capacity used, and any override. */
    public record DecisionView(LocalDate decidedOn, String policyId, String capacitySource, boolean override,
                               String overrideReason, JsonNode result) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicationView(String id, String institutionId, String institutionName, String roundId, String regionCode,
                                  ApplicationStatus status, CapacityView capacity, LocalDate submittedOn,
                                  DecisionView decision, List<EventView> timeline, List<ApplicationAction> allowedActions,
                                  List<AwardView> awards, List<AwardService.Note> awardNotes,
                                  Instant createdAt, Instant updatedAt, @JsonIgnore long version) {
        ApplicationView withNotes(List<AwardService.Note> notes) {
            return new ApplicationView(id, institutionId, institutionName, roundId, regionCode, status, capacity, submittedOn,
                    decision, timeline, allowedActions, awards, notes, createdAt, updatedAt, version);
        }
    }

    public record InspectionView(String id, String applicationId, Inspection.Kind kind, Inspection.AssessorKind assessorKind,
                                 String assessorId, String assessorName, Inspection.Status status, LocalDate conductedOn,
                                 CapacityView verifiedCapacity, String findings, Inspection.Conclusion conclusion,
                                 Instant updatedAt, @JsonIgnore long version) {
        static InspectionView of(Inspection i) {
            return new InspectionView(i.id.toString(), i.applicationId.toString(), i.kind, i.assessorKind, i.assessorId,
                    i.assessorName, i.status, i.conductedOn,
                    i.hasVerifiedCapacity() ? new CapacityView(null, i.personnel, i.equipmentValue, i.rdExpenditure,
                            i.floorArea, i.projectCount, Boolean.TRUE.equals(i.hasRules), Boolean.TRUE.equals(i.hasStableFunding)) : null,
                    i.findings, i.conclusion, i.updatedAt, i.version);
        }
    }
}
