package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.coverage.CoverageSnapshot;
import cn.liaocheng.rdcoverage.coverage.ReportService;
import cn.liaocheng.rdcoverage.security.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/reports/snapshots/{id}/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class IndicatorSnapshotResource {
    @Inject IndicatorReportService service;
    @Inject ReportService reports;
    @Inject ObjectMapper json;

    @GET
    @Operation(operationId = "getSnapshotIndicators", summary = "The indicators report stored with a coverage snapshot (of its statistical year), unchanged since; "
            + "a county officer or supervisor sees only its regions")
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE, Role.Names.PROVINCE, Role.Names.ADMIN, Role.Names.SUPERVISOR})
    public IndicatorReport get(@PathParam("id") String rawId) {
        CoverageSnapshot s = null;
        try {
            s = CoverageSnapshot.findById(UUID.fromString(rawId.trim()));
        } catch (IllegalArgumentException e) {
            // not a UUID: not found
        }
        if (s == null || s.indicators == null) {
            throw ApiException.notFound("Snapshot indicators", rawId);
        }
        try {
            return service.forCaller(json.readValue(s.indicators, IndicatorReport.class), reports.regionsInScope(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + s.id + " holds unreadable indicators", e);
        }
    }
}
