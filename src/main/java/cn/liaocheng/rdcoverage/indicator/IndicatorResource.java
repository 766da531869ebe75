package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.common.CsvOutput;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/institutions/{id}/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators")
@RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE,
        Role.Names.PROVINCE, Role.Names.ADMIN, Role.Names.SUPERVISOR})
public class IndicatorResource {
    @Inject IndicatorService service;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    @Operation(operationId = "listInstitutionIndicators", summary = "Every reported year of an institution's R&D indicators, latest first")
    public PageResult<IndicatorView> list(@PathParam("id") String id) {
        return PageResult.all(service.list(id));
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getInstitutionIndicators", summary = "One year's indicators, with the R&D expenditure and personnel of that year's capacity; the ETag is its version")
    public RestResponse<IndicatorView> get(@PathParam("id") String id, @PathParam("year") int year) {
        return ETags.view(service.get(id, year));
    }

    @PUT
    @Path("/{year}")
    @Operation(operationId = "putInstitutionIndicators", summary = "Report or correct one year's indicators (patent applications, of which invention patents, patents "
            + "granted, new products or processes); 201 when new; If-Match honoured")
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.CITY_OFFICER})
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = "application/json", schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = IndicatorView.class)))
    public Response put(@PathParam("id") String id, @PathParam("year") int year,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid IndicatorInput body) {
        boolean created = service.put(id, year, ApiException.requireBody(body), ifMatch);
        return ETags.put(created, service.get(id, year),
                UriBuilder.fromResource(IndicatorResource.class).path(Integer.toString(year)).build(id));
    }
}
