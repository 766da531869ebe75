package cn.liaocheng.rdcoverage.region;

import cn.liaocheng.rdcoverage.common.CsvOutput;
import io.quarkus.security.Authenticated;
import cn.liaocheng.rdcoverage.common.PageResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions")
public class RegionResource {
    @Inject Regions regions;

    @GET
    @Operation(operationId = "listRegions", summary = "The counties, districts and zones of Liaocheng (所属县市区)")
    @Authenticated
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<Regions.RegionView> list() {
        return PageResult.all(regions.all());
    }
}
