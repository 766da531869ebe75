package cn.liaocheng.rdcoverage.institution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import cn.liaocheng.rdcoverage.common.SyncFilter;
import jakarta.ws.rs.QueryParam;

/** List filters of /institutions. */
public class InstitutionFilter extends SyncFilter {
    /** Institutions with at least one participant in this region. */
    @QueryParam("regionCode")
    public String regionCode;

    @QueryParam("buildMode")
    @Parameter(schema = @Schema(implementation = cn.liaocheng.rdcoverage.eligibility.BuildMode.class))
    public String buildMode;

    @QueryParam("status")
    @Parameter(schema = @Schema(implementation = InstitutionStatus.class))
    public String status;

    /** Institutions this enterprise takes part in (credit code). */
    @QueryParam("participant")
    public String participant;
}
