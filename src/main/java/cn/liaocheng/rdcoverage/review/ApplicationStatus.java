package cn.liaocheng.rdcoverage.review;

/** Where an application stands in 申报及审核. */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, RETURNED, COUNTY_APPROVED, COUNTY_REJECTED, UNDER_ASSESSMENT, RECOGNIZED, REJECTED, WITHDRAWN;

    /** No action of {@link ApplicationAction}'s table leads on from here. */
    public boolean isFinal() {
        return ApplicationAction.allowedFrom(this).isEmpty();
    }
}
