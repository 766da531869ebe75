package cn.liaocheng.rdcoverage.review.material;

import cn.liaocheng.rdcoverage.common.Timestamps;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What the application form shows before an application exists: the material kinds the policy document in force
 * requires per build mode (SUBMIT without one of them is 422 {@code materials-missing}), every kind that can be
 * uploaded, and the upload limits (size, count, content types). Policy data: {@code db/policies/*-materials.json},
 * read by {@link RequiredMaterials}, the same rule SUBMIT applies.
 */
@Path("/api/v1/policies/current/required-materials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies")
public class RequiredMaterialsResource {
    @Inject RequiredMaterials required;
    @Inject Clock clock;
    @Inject cn.liaocheng.rdcoverage.common.RdConfig rd;

    /** A material kind and its name on the form. */
    @Schema(name = "MaterialKindView")
    public record KindView(MaterialKind kind, String name) {
        static KindView of(MaterialKind k) {
            return new KindView(k, k.chineseName);
        }
    }

    /** The kinds one build mode requires, in the document's order. */
    @Schema(name = "RequiredMaterialsOfMode")
    public record ModeView(BuildMode buildMode, List<KindView> required) {
    }

    /** What an upload may be: size per file in bytes, files per application, the content types (sniffed from the bytes). */
    @Schema(name = "AttachmentLimits")
    public record Limits(long maxFileSize, int maxFiles, List<String> contentTypes) {
    }

    /**
     * The requirement in force on {@code on}: the document's id, effective date, title and basis (policy text;
     * null before the first document took effect, when nothing is required), per build mode the required kinds.
     */
    @Schema(name = "RequiredMaterialsView")
    public record View(LocalDate on, @Schema(nullable = true) String policyId, @Schema(nullable = true) LocalDate effectiveFrom,
                       @Schema(nullable = true) String title, @Schema(nullable = true) String basis,
                       List<ModeView> buildModes, List<KindView> kinds, Limits limits) {
    }

    @GET
    @Authenticated
    @Operation(operationId = "getRequiredMaterials", summary = "申报材料 the policy in force requires per build mode (before an "
            + "application exists), every uploadable kind with its Chinese name, and the upload limits. SUBMIT without a "
            + "required kind is 422 materials-missing. 400 naming buildMode or on when malformed.")
    public View get(@Parameter(description = "one build mode only (SINGLE, JOINT, INDUSTRY); all when absent",
                            schema = @Schema(implementation = BuildMode.class)) @QueryParam("buildMode") String buildMode,
                    @Parameter(description = "the day whose document applies (ISO date, the day of submission); today when absent")
                    @QueryParam("on") String on) {
        List<BuildMode> modes = buildMode == null || buildMode.isBlank() ? Arrays.asList(BuildMode.values())
                : List.of(Where.parseEnum(BuildMode.class, "buildMode", buildMode));
        LocalDate day = on == null || on.isBlank() ? LocalDate.now(clock) : Timestamps.parseDate("on", on);
        RequiredMaterials.Version doc = required.inForce(day);
        List<ModeView> perMode = new ArrayList<>();
        for (BuildMode m : modes) {
            perMode.add(new ModeView(m, required.forMode(m, day).stream().map(KindView::of).toList()));
        }
        return new View(day, doc == null ? null : doc.policyId(), doc == null ? null : doc.effectiveFrom(),
                doc == null ? null : doc.title(), doc == null ? null : doc.basis(), perMode,
                Arrays.stream(MaterialKind.values()).map(KindView::of).toList(),
                new Limits(rd.attachments().maxSize().asLongValue(), rd.attachments().maxCount(), List.copyOf(new TreeSet<>(ContentSniffer.ALLOWED))));
    }
}
