package cn.liaocheng.rdcoverage.institution;

import jakarta.ws.rs.QueryParam;

/** List filters of /institutions. */
public class InstitutionFilter {
    /** Institutions with at least one participant in this region. */
    @QueryParam("regionCode")
    public String regionCode;

    @QueryParam("buildMode")
    public String buildMode;

    @QueryParam("status")
    public String status;

    /** Institutions this enterprise takes part in (credit code). */
    @QueryParam("participant")
    public String participant;

    @QueryParam("updatedSince")
    public String updatedSince;
}
