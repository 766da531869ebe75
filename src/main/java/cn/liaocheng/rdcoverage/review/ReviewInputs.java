package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.capacity.CapacityInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Request bodies of the review workflow. */
public final class ReviewInputs {
    private ReviewInputs() {
    }

    public record RoundInput(@NotBlank @Pattern(regexp = "\\d{4}H[12]", message = "{rd.roundId.format}") String id,
                             @NotNull @Min(2020) @Max(2100) Integer year, @NotNull @Min(1) @Max(2) Integer half,
                             @NotNull LocalDate opensOn, @NotNull LocalDate closesOn, RoundStatus status) {
    }

    public record RoundTransition(@NotNull RoundAction action) {
    }

    public record ApplicationInput(@NotBlank String institutionId, @NotBlank String roundId) {
    }

    /**
     * A transition. {@code decidedOn} (RECOGNIZE and REJECT only): the real date of the city's decision (e.g. of the
     * city government meeting), not after today and not before the round opened; default today. A date more than
     * {@code rd.decisions.reason-after-days} back needs a {@code reason}, kept in the timeline and audit trail.
     */
    @Schema(name = "ApplicationTransition")
    public record Transition(@NotNull ApplicationAction action, @Size(max = 2000) String comment,
                             Boolean override, @Size(max = 1000) String reason, java.time.LocalDate decidedOn) {
        public Transition(ApplicationAction action, String comment, Boolean override, String reason) {
            this(action, comment, override, reason, null);
        }
    }

    /** The city cancels an inspection that is still ASSIGNED, with a reason. */
    @Schema(name = "InspectionCancellation")
    public record Cancellation(@NotBlank @Size(max = 1000) String reason) {
    }

    public record InspectionInput(@NotBlank String applicationId, @NotNull Inspection.InspectionKind kind,
                                  @NotNull Inspection.AssessorKind assessorKind, @NotBlank @Size(max = 100) String assessorId,
                                  @Size(max = 200) String assessorName) {
    }

    /** What an assessor records; absent fields stay as they are; a conclusion closes the inspection. */
    public record InspectionRecord(LocalDate conductedOn, @Valid CapacityInput verifiedCapacity,
                                   @Size(max = 4000) String findings, Inspection.Conclusion conclusion) {
    }
}
