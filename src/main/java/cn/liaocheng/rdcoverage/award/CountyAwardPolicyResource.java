package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.common.CsvOutput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Idempotency;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.StoredDecimals;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import cn.liaocheng.rdcoverage.security.Role;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** A county's supplement policy (各县也应制定配套奖补政策), dated; recognition proposes its award where one is in force. */
@Path("/api/v1/regions/{code}/award-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Awards")
public class CountyAwardPolicyResource {
    @Inject CountyAwardPolicyService service;
    @Inject Idempotency idempotency;

    /**
     * A supplement version. FIXED: {@code amounts}, yuan per tier (LARGE, MEDIUM, SMALL; 0 to 100,000,000 with at most
     * 2 decimals), the same model as the city's {@code awards}; PERCENT: {@code percentOfCity}, 0 to 1000 (%).
     */
    @Schema(name = "CountyAwardPolicyInput")
    public record PolicyInput(@NotNull LocalDate effectiveFrom, @NotNull CountyAwardPolicy.Mode mode,
                              @Schema(description = "FIXED: yuan per tier (LARGE, MEDIUM, SMALL, every one; 0 to 100000000, at most 2 decimals), the model of the city's awards; a missing tier is a 400 naming it (amounts.SMALL)") Map<Tier, BigDecimal> amounts,
                              @PositiveOrZero @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal percentOfCity) {
    }

    @Schema(name = "CountyAwardPolicyView")
    public record CountyAwardPolicyView(String id, String regionCode, LocalDate effectiveFrom, CountyAwardPolicy.Mode mode,
                             @Schema(nullable = true, description = "FIXED: yuan per tier (LARGE, MEDIUM, SMALL); null in PERCENT mode") Map<Tier, BigDecimal> amounts,
                             @Schema(nullable = true) BigDecimal percentOfCity, @JsonIgnore long version) {
        static CountyAwardPolicyView of(CountyAwardPolicy p) {
            return new CountyAwardPolicyView(p.id.toString(), p.regionCode, p.effectiveFrom, p.mode,
                    StoredDecimals.amounts(p.amounts, Tier.class), StoredDecimals.amount(p.percentOfCity), p.version);
        }
    }

    @GET
    @Authenticated
    @Operation(operationId = "listCountyAwardPolicies", summary = "The county's supplement policy versions, oldest first")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<CountyAwardPolicyView> list(@PathParam("code") String code) {
        return PageResult.all(service.list(code));
    }

    @POST
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.ADMIN})
    @Operation(operationId = "createCountyAwardPolicy", summary = "Publish a supplement version: FIXED amounts per tier (amounts) or PERCENT of the city award (percentOfCity)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CountyAwardPolicyView.class)))
    public Response create(@PathParam("code") String code, @HeaderParam("Idempotency-Key") String key, @Valid PolicyInput body) {
        ApiException.requireBody(body);
        service.checkPublisher(code);
        return idempotency.run(key, "POST", "/api/v1/regions/" + code + "/award-policy", body, () -> {
            CountyAwardPolicyView v = service.store(code, body);
            return Response.created(UriBuilder.fromPath("/api/v1/regions/{code}/award-policy").build(code)).entity(v).build();
        });
    }
}
