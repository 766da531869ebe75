package cn.liaocheng.rdcoverage.review;

import java.util.EnumSet;
import java.util.Set;

/** Where an application stands in 申报及审核. */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, RETURNED, COUNTY_APPROVED, COUNTY_REJECTED, UNDER_ASSESSMENT, RECOGNIZED, REJECTED, WITHDRAWN;

    static final Set<ApplicationStatus> FINAL = EnumSet.of(COUNTY_REJECTED, RECOGNIZED, REJECTED, WITHDRAWN);

    public boolean isFinal() {
        return FINAL.contains(this);
    }
}
