package cn.liaocheng.rdcoverage.coverage;

import jakarta.ws.rs.QueryParam;

/** List filters of /targets. */
public class TargetFilter {
    @QueryParam("year")
    public Integer year;

    /** A region's targets; {@code CITY} for the city-wide ones. */
    @QueryParam("regionCode")
    public String regionCode;

    /** ISO-8601 instant or date: only targets changed at or after it (for sync). */
    @QueryParam("updatedSince")
    public String updatedSince;
}
