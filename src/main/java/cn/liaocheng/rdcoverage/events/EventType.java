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
    ENTERPRISE_CREATED("enterprise.created"),
    ENTERPRISE_UPDATED("enterprise.updated"),
    ENTERPRISE_DELETED("enterprise.deleted"),
    /** One summary per region and import chunk (see README: the feed and the import). */
    ENTERPRISE_IMPORTED("enterprise.imported"),
    FIGURES_UPDATED("figures.updated"),
    FIGURES_DELETED("figures.deleted"),
    INSTITUTION_CREATED("institution.created"),
    INSTITUTION_UPDATED("institution.updated"),
    INSTITUTION_DELETED("institution.deleted"),
    INSTITUTION_RECOGNIZED("institution.recognized"),
    INSTITUTION_REVOKED("institution.revoked"),
    DESIGNATION_GRANTED("designation.granted"),
    DESIGNATION_REVOKED("designation.revoked"),
    APPLICATION_TRANSITIONED("application.transitioned"),
    INSPECTION_ASSIGNED("inspection.assigned"),
    INSPECTION_RECORDED("inspection.recorded"),
    INSPECTION_CANCELLED("inspection.cancelled"),
    AWARD_PROPOSED("award.proposed"),
    AWARD_APPROVED("award.approved"),
    AWARD_DISBURSED("award.disbursed"),
    AWARD_CANCELLED("award.cancelled"),
    TARGET_CREATED("target.created"),
    TARGET_UPDATED("target.updated"),
    POLICY_PUBLISHED("policy.published"),
    // rounds, county supplements and supervision (issue 16)
    ROUND_CREATED("round.created"),
    /** OPEN -> REVIEWING -> CLOSED. */
    ROUND_TRANSITIONED("round.transitioned"),
    /** A county's supplement version (补充奖励), as GET /regions/{code}/award-policy lists it. */
    AWARD_POLICY_PUBLISHED("award-policy.published"),
    SUPERVISION_GROUP_CREATED("supervision-group.created"),
    SUPERVISION_GROUP_UPDATED("supervision-group.updated"),
    SUPERVISION_GROUP_DELETED("supervision-group.deleted"),
    /** A visit to an enterprise (督导 follow-up); subject id = the follow-up's id. */
    FOLLOW_UP_RECORDED("follow-up.recorded"),
    /** An institution's indicators of a year set or corrected (PUT or import); subject id {@code institutionId/year}. */
    INDICATORS_UPDATED("indicators.updated");

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(EventType::wire, Function.identity()));

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
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
