package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.CsvOutput;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.Idempotency;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/awards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Awards")
public class AwardResource {
    @Inject
    AwardService awards;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Role.ENTERPRISE_, Role.COUNTY_OFFICER_, Role.CITY_OFFICER_, Role.FINANCE_, Role.PROVINCE_, Role.ADMIN_})
    @Operation(summary = "Awards in the caller's scope, filtered by regionCode, creditCode, program, status, fiscalYear")
    public PageResult<AwardView> list(@BeanParam AwardService.Filter filter, @BeanParam PageQuery paging) {
        return awards.list(filter, paging);
    }

    @GET
    @Produces(CsvOutput.MEDIA_TYPE)
    @RolesAllowed({Role.ENTERPRISE_, Role.COUNTY_OFFICER_, Role.CITY_OFFICER_, Role.FINANCE_, Role.PROVINCE_, Role.ADMIN_})
    @Operation(summary = "The same filter as CSV for finance (UTF-8 with BOM; e.g. status=APPROVED for payment)")
    public Response listCsv(@BeanParam AwardService.Filter filter) {
        StreamingOutput body = out -> {
            try (CsvOutput csv = new CsvOutput(out, List.of("id", "program", "creditCode", "regionCode", "fiscalYear", "sizeClass",
                    "tier", "amount", "status", "policyId", "proposedOn", "approvedOn", "disbursedOn", "voucherRef", "basis"))) {
                awards.forEach(filter, a -> csv.row(a.id(), a.program(), a.creditCode(), a.regionCode(), a.fiscalYear(), a.sizeClass(),
                        a.tier(), a.amount(), a.status(), a.policyId(), a.proposedOn(), a.approvedOn(), a.disbursedOn(),
                        a.voucherRef(), a.basis()));
            }
        };
        return Response.ok(body, CsvOutput.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"awards.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ENTERPRISE_, Role.COUNTY_OFFICER_, Role.CITY_OFFICER_, Role.FINANCE_, Role.PROVINCE_, Role.ADMIN_})
    @Operation(summary = "One award; basis says how its amount was reached")
    public Response get(@PathParam("id") String id) {
        AwardView v = awards.get(id);
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Role.ENTERPRISE_, Role.COUNTY_OFFICER_, Role.CITY_OFFICER_, Role.FINANCE_, Role.PROVINCE_, Role.ADMIN_})
    @Operation(summary = "Audit trail: who proposed, approved, paid or cancelled the award, and when")
    public PageResult<cn.liaocheng.rdcoverage.security.AuditHistory.Entry> history(@PathParam("id") String id) {
        var all = awards.history(id);
        return new PageResult<>(all, 0, all.size(), all.size());
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Role.FINANCE_, Role.CITY_OFFICER_})
    @Operation(summary = "APPROVE, DISBURSE (finance; paidOn and voucherRef) or CANCEL (finance or city; reason). "
            + "Concurrent transitions: one wins, the others get 409. Honours Idempotency-Key.")
    public Response transition(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                               AwardService.TransitionRequest body) {
        ApiException.requireBody(body);
        return idempotency.run(key, caller.subject(), "POST", "/api/v1/awards/" + id + "/transitions", body, () -> {
            AwardView v = awards.transition(id, body);
            return Response.ok(v).tag(ETags.tag(v.version())).build();
        });
    }
}
