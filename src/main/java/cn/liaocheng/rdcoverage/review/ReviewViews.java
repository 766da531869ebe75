package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.common.Localisable;
import cn.liaocheng.rdcoverage.common.Versioned;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.capacity.CapacityView;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.award.AwardProposals;
import cn.liaocheng.rdcoverage.award.AwardView;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** API shapes of the review workflow. */
public final class ReviewViews {
    private ReviewViews() {
    }

    public record RoundView(String id, int year, int half, LocalDate opensOn, LocalDate closesOn, RoundStatus status,
                            Instant updatedAt, @JsonIgnore long version) implements Versioned {
        static RoundView of(Round r) {
            return new RoundView(r.id, r.year, r.half, r.opensOn, r.closesOn, r.status, r.updatedAt, r.version);
        }
    }

    public record EventView(String action, @Schema(nullable = true) String fromStatus, String toStatus, @Schema(nullable = true) String actor, @Schema(nullable = true) String role, @Schema(nullable = true) String comment,
                            @Schema(nullable = true) Boolean override, @Schema(nullable = true) String reason, Instant at) {
    }

    /** The city's decision: the eligibility result it rests on, the policy and capacity used, and any override. */
    public record DecisionView(LocalDate decidedOn, String policyId, @Schema(nullable = true) String capacitySource, boolean override,
                               @Schema(nullable = true) String overrideReason,
                               @Schema(implementation = cn.liaocheng.rdcoverage.eligibility.Result.class,
                                       description = "the eligibility result the decision rests on, as stored") JsonNode result) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicationView(String id, String institutionId, @Schema(extensions = @Extension(name = "x-optional", value = "true")) String institutionName, String roundId, @Schema(extensions = @Extension(name = "x-optional", value = "true")) String regionCode,
                                  ApplicationStatus status, @Schema(extensions = @Extension(name = "x-optional", value = "true")) CapacityView capacity, @Schema(extensions = @Extension(name = "x-optional", value = "true")) LocalDate submittedOn,
                                  @Schema(extensions = @Extension(name = "x-optional", value = "true")) DecisionView decision, @Schema(extensions = @Extension(name = "x-optional", value = "true")) List<EventView> timeline, @Schema(extensions = @Extension(name = "x-optional", value = "true")) List<ApplicationAction> allowedActions,
                                  @Schema(extensions = @Extension(name = "x-optional", value = "true")) List<AwardView> awards, @Schema(extensions = @Extension(name = "x-optional", value = "true")) List<AwardProposals.Note> awardNotes,
                                  @Schema(extensions = @Extension(name = "x-optional", value = "true")) Instant createdAt, @Schema(extensions = @Extension(name = "x-optional", value = "true")) Instant updatedAt, @JsonIgnore long version) implements Versioned, Localisable {
        ApplicationView withNotes(List<AwardProposals.Note> notes) {
            return new ApplicationView(id, institutionId, institutionName, roundId, regionCode, status, capacity, submittedOn,
                    decision, timeline, allowedActions, awards, notes, createdAt, updatedAt, version);
        }

        /** The award notes and the awards' bases in {@code locale} (Accept-Language); the rest is the same in every language. */
        @Override
        public ApplicationView in(java.util.Locale locale) {
            if (awardNotes == null && awards == null) {
                return this;
            }
            return new ApplicationView(id, institutionId, institutionName, roundId, regionCode, status, capacity, submittedOn,
                    decision, timeline, allowedActions, awards == null ? null : awards.stream().map(a -> a.in(locale)).toList(),
                    awardNotes == null ? null : awardNotes.stream().map(n -> n.in(locale)).toList(), createdAt, updatedAt, version);
        }
    }

    public record InspectionView(String id, String applicationId, Inspection.InspectionKind kind, Inspection.AssessorKind assessorKind,
                                 String assessorId, @Schema(nullable = true) String assessorName, Inspection.InspectionStatus status, @Schema(nullable = true) LocalDate conductedOn,
                                 @Schema(nullable = true) CapacityView verifiedCapacity, @Schema(nullable = true) String findings, @Schema(nullable = true) Inspection.Conclusion conclusion,
                                 Instant updatedAt, @JsonIgnore long version) implements Versioned {
        static InspectionView of(Inspection i) {
            return new InspectionView(i.id.toString(), i.applicationId.toString(), i.kind, i.assessorKind, i.assessorId,
                    i.assessorName, i.status, i.conductedOn,
                    CapacityMapper.view(null, i.capacity),
                    i.findings, i.conclusion, i.updatedAt, i.version);
        }
    }
}
