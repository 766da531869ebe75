package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.CsvOutput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Idempotency;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.FieldCodes;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.security.Role;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A county's supplement policy (各县也应制定配套奖补政策), dated; recognition proposes its award where one is in force. */
@Path("/api/v1/regions/{code}/award-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Awards")
public class CountyAwardPolicyResource {
    @Inject
    Regions regions;


    @Inject
    Scope scope;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @Inject
    cn.liaocheng.rdcoverage.events.Changes changes; // the change feed (issue 16)

    /** The largest county supplement per tier, in yuan (with fen). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

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
            return new CountyAwardPolicyView(p.id.toString(), p.regionCode, p.effectiveFrom, p.mode, p.amounts, p.percentOfCity, p.version);
        }
    }

    @GET
    @Authenticated
    @Operation(operationId = "listCountyAwardPolicies", summary = "The county's supplement policy versions, oldest first")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<CountyAwardPolicyView> list(@PathParam("code") String code) {
        region(code);
        return PageResult.all(CountyAwardPolicy.<CountyAwardPolicy>list("regionCode = ?1 order by effectiveFrom", code)
                .stream().map(CountyAwardPolicyView::of).toList());
    }

    @POST
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.ADMIN})
    @Operation(operationId = "createCountyAwardPolicy", summary = "Publish a supplement version: FIXED amounts per tier (amounts) or PERCENT of the city award (percentOfCity)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CountyAwardPolicyView.class)))
    public Response create(@PathParam("code") String code, @HeaderParam("Idempotency-Key") String key, @Valid PolicyInput body) {
        ApiException.requireBody(body);
        region(code);
        if (!scope.actsFor(code)) {
            throw ApiException.forbidden("A county officer sets only its own region's supplement");
        }
        return idempotency.run(key, "POST", "/api/v1/regions/" + code + "/award-policy", body, () -> {
            CountyAwardPolicyView v = store(code, body);
            return Response.created(UriBuilder.fromPath("/api/v1/regions/{code}/award-policy").build(code)).entity(v).build();
        });
    }

    @Transactional
    CountyAwardPolicyView store(String code, PolicyInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.mode() == CountyAwardPolicy.Mode.FIXED) {
            checkAmounts(in.amounts(), errors);
        }
        if (in.mode() == CountyAwardPolicy.Mode.PERCENT && in.percentOfCity() == null) {
            errors.add(new Problem.FieldError("percentOfCity", FieldMessage.of("PERCENT needs the percentage of the city award", "field.REQUIRED.percent")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (CountyAwardPolicy.count("regionCode = ?1 and effectiveFrom = ?2", code, in.effectiveFrom()) > 0) {
            throw ApiException.conflict("duplicate", "Region " + code + " already has a supplement taking effect on " + in.effectiveFrom()).zh("detail.duplicate.county-award-policy", code, in.effectiveFrom());
        }
        CountyAwardPolicy p = new CountyAwardPolicy();
        p.regionCode = code;
        p.effectiveFrom = in.effectiveFrom();
        p.mode = in.mode();
        if (in.mode() == CountyAwardPolicy.Mode.FIXED) {
            p.amounts = new EnumMap<>(in.amounts());
        } else {
            p.percentOfCity = in.percentOfCity();
        }
        p.createdAt = Instant.now(clock);
        p.updatedAt = p.createdAt;
        p.persistAndFlush();
        return changes.recorded(cn.liaocheng.rdcoverage.events.EventType.AWARD_POLICY_PUBLISHED, p.id, CountyAwardPolicyView.of(p));
    }

    /** FIXED amounts: one for every tier, each 0 to 100,000,000 yuan with at most 2 decimals, named amounts.TIER. */
    private static void checkAmounts(Map<Tier, BigDecimal> amounts, List<Problem.FieldError> errors) {
        if (amounts == null) {
            errors.add(new Problem.FieldError("amounts", "FIXED needs an amount for LARGE, MEDIUM and SMALL", FieldCodes.REQUIRED));
            return;
        }
        for (Tier tier : Tier.values()) {
            BigDecimal yuan = amounts.get(tier);
            String field = "amounts." + tier;
            if (yuan == null) {
                errors.add(new Problem.FieldError(field, "is required: FIXED needs an amount for LARGE, MEDIUM and SMALL", FieldCodes.REQUIRED));
            } else if (yuan.signum() < 0 || yuan.compareTo(MAX_AMOUNT) > 0) {
                errors.add(new Problem.FieldError(field, "must be from 0 to 100000000 (yuan)", FieldCodes.OUT_OF_RANGE));
            } else if (yuan.stripTrailingZeros().scale() > 2) {
                errors.add(new Problem.FieldError(field, "must have at most 2 decimals (yuan and fen)", FieldCodes.OUT_OF_RANGE));
            }
        }
    }

    private void region(String code) {
        if (!regions.exists(code)) {
            throw ApiException.notFound("Region", code);
        }
    }
}
