package cn.liaocheng.rdcoverage.enterprise;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import cn.liaocheng.rdcoverage.common.SyncFilter;
import jakarta.ws.rs.QueryParam;

/** List filters of /enterprises, shared by JSON and CSV. */
public class EnterpriseFilter extends SyncFilter {
    @QueryParam("regionCode")
    public String regionCode;

    @QueryParam("sizeClass")
    @Parameter(schema = @Schema(implementation = cn.liaocheng.rdcoverage.eligibility.SizeClass.class))
    public String sizeClass;

    @QueryParam("aboveDesignatedSize")
    public Boolean aboveDesignatedSize;

    @QueryParam("keyEnterprise")
    public Boolean keyEnterprise;

    @QueryParam("keyIndustry")
    public Boolean keyIndustry;

    /** Name contains (case-insensitive). */
    @QueryParam("q")
    public String q;
}
