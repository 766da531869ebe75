package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.security.Role;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.review.ApplicationStatus.COUNTY_APPROVED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.COUNTY_REJECTED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.DRAFT;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.RECOGNIZED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.REJECTED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.RETURNED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.SUBMITTED;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.UNDER_ASSESSMENT;
import static cn.liaocheng.rdcoverage.review.ApplicationStatus.WITHDRAWN;

/** The workflow's actions: who takes each, and from which states to which (DESIGN.md section 3). */
public enum ApplicationAction {
    SUBMIT(Role.ENTERPRISE, Map.of(DRAFT, SUBMITTED, RETURNED, SUBMITTED)),
    WITHDRAW(Role.ENTERPRISE, Map.of(DRAFT, WITHDRAWN, SUBMITTED, WITHDRAWN, RETURNED, WITHDRAWN, COUNTY_APPROVED, WITHDRAWN)),
    COUNTY_APPROVE(Role.COUNTY_OFFICER, Map.of(SUBMITTED, COUNTY_APPROVED)),
    RETURN(Role.COUNTY_OFFICER, Map.of(SUBMITTED, RETURNED)),
    COUNTY_REJECT(Role.COUNTY_OFFICER, Map.of(SUBMITTED, COUNTY_REJECTED)),
    START_ASSESSMENT(Role.CITY_OFFICER, Map.of(COUNTY_APPROVED, UNDER_ASSESSMENT)),
    RECOGNIZE(Role.CITY_OFFICER, Map.of(UNDER_ASSESSMENT, RECOGNIZED)),
    REJECT(Role.CITY_OFFICER, Map.of(UNDER_ASSESSMENT, REJECTED));

    public final Role role;
    private final Map<ApplicationStatus, ApplicationStatus> transitions;

    ApplicationAction(Role role, Map<ApplicationStatus, ApplicationStatus> transitions) {
        this.role = role;
        this.transitions = new EnumMap<>(transitions);
    }

    /** The state this action leads to from {@code from}, or null when it is not allowed there. */
    public ApplicationStatus from(ApplicationStatus from) {
        return transitions.get(from);
    }

    /** The actions allowed from a state, whoever takes them. */
    public static List<ApplicationAction> allowedFrom(ApplicationStatus status) {
        List<ApplicationAction> allowed = new ArrayList<>();
        for (ApplicationAction a : values()) {
            if (a.transitions.containsKey(status)) {
                allowed.add(a);
            }
        }
        return allowed;
    }
}
