package cn.liaocheng.rdcoverage.eligibility;

/** Why a participant gets no award; the first matching reason, in this order, is reported. */
public enum SubsidyReason {
    /** The institution, or this participant within it, does not meet the standard. */
    NOT_QUALIFIED,
    /** The build mode is not subsidised by the policy (INDUSTRY mode while interpretations.industryModeSubsidised is false). */
    MODE_NOT_SUBSIDISED,
    /** The enterprise is not above designated size (规上). */
    NOT_ABOVE_DESIGNATED_SIZE,
    /** The enterprise has already received the award (不重复支持). */
    ALREADY_AWARDED,
    /**
     * The enterprise took part in an institution recognised before this one (the historic register included, revoked
     * or not): the city's award is for an enterprise whose institution is recognised for the first time
     * (初次通过审核确认, 六（二）).
     */
    NOT_FIRST_RECOGNITION
}
