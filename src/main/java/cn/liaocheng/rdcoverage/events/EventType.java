package cn.liaocheng.rdcoverage.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The closed set of feed event types ({@code kind.change} on the wire). The kind names the subject and decides who may
 * see the event (see {@link Scopes}).
 */
public enum EventType {
    ENTERPRISE_CREATED("enterprise.created", "EnterpriseView"),
    ENTERPRISE_UPDATED("enterprise.updated", "EnterpriseView"),
    ENTERPRISE_DELETED("enterprise.deleted", "DeletedResource"),
    /** One summary per region and import chunk (see README: the feed and the import). */
    ENTERPRISE_IMPORTED("enterprise.imported", "ImportedEnterprises"),
    FIGURES_UPDATED("figures.updated", "FiguresView"),
    FIGURES_DELETED("figures.deleted", "DeletedResource"),
    INSTITUTION_CREATED("institution.created", "InstitutionView"),
    INSTITUTION_UPDATED("institution.updated", "InstitutionView"),
    INSTITUTION_DELETED("institution.deleted", "DeletedResource"),
    INSTITUTION_RECOGNIZED("institution.recognized", "InstitutionView"),
    INSTITUTION_REVOKED("institution.revoked", "InstitutionView"),
    DESIGNATION_GRANTED("designation.granted", "DesignationView"),
    DESIGNATION_REVOKED("designation.revoked", "DesignationView"),
    APPLICATION_TRANSITIONED("application.transitioned", "ApplicationView"),
    INSPECTION_ASSIGNED("inspection.assigned", "InspectionView"),
    INSPECTION_RECORDED("inspection.recorded", "InspectionView"),
    INSPECTION_CANCELLED("inspection.cancelled", "InspectionView"),
    AWARD_PROPOSED("award.proposed", "AwardView"),
    AWARD_APPROVED("award.approved", "AwardView"),
    AWARD_DISBURSED("award.disbursed", "AwardView"),
    AWARD_CANCELLED("award.cancelled", "AwardView"),
    TARGET_CREATED("target.created", "TargetView"),
    TARGET_UPDATED("target.updated", "TargetView"),
    POLICY_PUBLISHED("policy.published", "PolicyView"),
    // rounds, county supplements and supervision (issue 16)
    ROUND_CREATED("round.created", "RoundView"),
    /** OPEN -> REVIEWING -> CLOSED. */
    ROUND_TRANSITIONED("round.transitioned", "RoundView"),
    /** A county's supplement version (补充奖励), as GET /regions/{code}/award-policy lists it. */
    AWARD_POLICY_PUBLISHED("award-policy.published", "CountyAwardPolicyView"),
    SUPERVISION_GROUP_CREATED("supervision-group.created", "SupervisionGroup"),
    SUPERVISION_GROUP_UPDATED("supervision-group.updated", "SupervisionGroup"),
    SUPERVISION_GROUP_DELETED("supervision-group.deleted", "DeletedResource"),
    /** A visit to an enterprise (督导 follow-up); subject id = the follow-up's id. */
    FOLLOW_UP_RECORDED("follow-up.recorded", "FollowUp"),
    /** An institution's indicators of a year set or corrected (PUT or import); subject id {@code institutionId/year}. */
    INDICATORS_UPDATED("indicators.updated", "InstitutionIndicators");

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(EventType::wire, Function.identity()));

    private final String wire;
    private final String data;

    EventType(String wire, String data) {
        this.wire = wire;
        this.data = data;
    }

    /**
     * The contract's schema of the event's {@code data}: the view its resource's GET answers (e.g. EnterpriseView), a
     * deletion's tombstone {@code DeletedResource} ({id, deleted: true}), an import's summary {@code ImportedEnterprises}
     * ({@link FeedEventSchemas}; EventDataContractTest checks events of each kind against it).
     */
    public String data() {
        return data;
    }

    /** The name on the wire, e.g. {@code enterprise.updated}. */
    public String wire() {
        return wire;
    }

    /** The subject kind, e.g. {@code enterprise}. */
    public String kind() {
        return wire.substring(0, wire.indexOf('.'));
    }

    public boolean deletion() {
        return wire.endsWith(".deleted");
    }

    public static EventType of(String wire) {
        return BY_NAME.get(wire);
    }
}
