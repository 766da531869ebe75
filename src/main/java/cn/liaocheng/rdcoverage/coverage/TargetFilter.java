package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.SyncFilter;
import jakarta.ws.rs.QueryParam;

/** List filters of /targets. */
public class TargetFilter extends SyncFilter {
    @QueryParam("year")
    public Integer year;

    /** A region's targets; {@code CITY} for the city-wide ones. */
    @QueryParam("regionCode")
    public String regionCode;
}
