package cn.liaocheng.rdcoverage.assessment;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.RequestBodies;
import cn.liaocheng.rdcoverage.capacity.CapacityInput;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.eligibility.Capacity;
import cn.liaocheng.rdcoverage.eligibility.Cooperation;
import cn.liaocheng.rdcoverage.eligibility.Eligibility;
import cn.liaocheng.rdcoverage.eligibility.Facts;
import cn.liaocheng.rdcoverage.eligibility.Participant;
import cn.liaocheng.rdcoverage.eligibility.Platform;
import cn.liaocheng.rdcoverage.eligibility.Result;
import cn.liaocheng.rdcoverage.eligibility.ServiceAgreement;
import cn.liaocheng.rdcoverage.enterprise.CreditCode;
import cn.liaocheng.rdcoverage.policy.Policies;
import cn.liaocheng.rdcoverage.security.RateLimited;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/eligibility-assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility")
public class AssessmentResource {
    /** The request body example of the contract; Try it out sends it and gets 200 (ContractExamplesTest). */
    static final String EXAMPLE = "{\"asOf\":\"2021-06-30\",\"buildMode\":\"SINGLE\",\"participants\":[{\"creditCode\":"
            + "\"91350100M000100Y43\",\"employees\":350,\"revenue\":52000000,\"aboveDesignatedSize\":true,"
            + "\"previouslyAwarded\":false}],\"capacity\":{\"personnel\":6,\"equipmentValue\":600000,\"rdExpenditure\":520000,"
            + "\"floorArea\":60,\"projectCount\":3,\"hasRules\":true,\"hasStableFunding\":true},\"cooperations\":[{\"partner\":"
            + "\"聊城大学\",\"partnerKind\":\"UNIVERSITY\",\"signedOn\":\"2020-09-01\","
            + "\"activities\":\"联合开展工艺改进项目\"}]}";

    @Inject Policies policies;
    @Inject RequestBodies bodies;

    @POST
    @Operation(operationId = "assessEligibility", summary = "What-if (自评): evaluate facts against the policy in force on asOf; nothing is stored",
            description = "Every criterion appears with its required and actual value, so a portal can show exactly what is missing. "
                    + "The body must come with a Content-Length (411 otherwise) and be at most 1 MB (413).")
    @Authenticated
    @RateLimited("assessments")
    @NonBlocking // no I/O: the facts come in the body and the policy versions are held in memory (Policies)
    public Result assess(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentRequest.class),
            examples = @ExampleObject(name = "single", summary = "A SINGLE institution of a medium enterprise (qualifies)",
                    value = EXAMPLE))) AssessmentRequest body) {
        bodies.valid(body); // not @Valid: the interceptor cost this endpoint several µs per request
        List<Participant> participants = participants(body);
        CapacityInput.refuseYear(body.capacity(), "capacity");
        Capacity capacity = CapacityMapper.facts(body.capacity());
        List<Cooperation> cooperations = new ArrayList<>();
        if (body.cooperations() != null) {
            for (var k : body.cooperations()) {
                cooperations.add(new Cooperation(k.partner(), k.partnerKind(), k.signedOn(), k.validUntil(), k.activities()));
            }
        }
        var pl = body.platform();
        var ag = body.serviceAgreement();
        Facts facts = new Facts(body.buildMode(), participants, capacity, cooperations,
                pl == null ? null : new Platform(pl.name(), pl.kind(), pl.certificationLevel()),
                ag == null ? null : new ServiceAgreement(ag.expert(), ag.signedOn(), ag.validUntil()));
        return Eligibility.evaluate(facts, policies.inForce(body.asOf()), body.asOf());
    }

    /** The participants as facts, their credit codes normalised; 400 naming each malformed one. */
    private static List<Participant> participants(AssessmentRequest body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Participant> participants = new ArrayList<>(body.participants().size());
        for (int k = 0; k < body.participants().size(); k++) {
            var p = body.participants().get(k);
            String code = CreditCode.normalise(p.creditCode());
            FieldMessage problem = CreditCode.problem(code);
            if (problem != null) {
                errors.add(new Problem.FieldError("participants[" + k + "].creditCode", problem));
            }
            participants.add(new Participant(code, p.employees(), p.revenue(), p.aboveDesignatedSize(),
                    Boolean.TRUE.equals(p.previouslyAwarded())));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return participants;
    }
}
