package cn.liaocheng.rdcoverage.eligibility;

import java.util.List;

/**
 * Everything the eligibility rules look at. {@code capacity}, {@code platform} and {@code serviceAgreement}
 * may be null (missing facts are reported as unmet criteria); a null list means an empty one. The lists are
 * copied and unmodifiable; null elements are rejected.
 */
public record Facts(BuildMode buildMode, List<Participant> participants, Capacity capacity,
        List<Cooperation> cooperations, Platform platform, ServiceAgreement serviceAgreement) {

    public Facts {
        participants = Checks.listOf(participants, "participants");
        cooperations = Checks.listOf(cooperations, "cooperations");
    }
}
