package cn.liaocheng.rdcoverage.common;

import cn.liaocheng.rdcoverage.award.AwardAction;
import cn.liaocheng.rdcoverage.award.AwardBatch;
import cn.liaocheng.rdcoverage.award.AwardResource;
import cn.liaocheng.rdcoverage.review.ApplicationAction;
import cn.liaocheng.rdcoverage.review.BatchTransitions;
import cn.liaocheng.rdcoverage.review.ReviewResource;
import cn.liaocheng.rdcoverage.review.RoundAction;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The transition endpoints' role gates (@RolesAllowed, which must be constants) admit exactly the roles of their
 * state machine table, so a role added to a row without its gate (or a gate wider than the table) is caught here.
 */
class StateMachineGatesTest {
    static Set<String> gate(Class<?> resource, String method) {
        Method m = Arrays.stream(resource.getDeclaredMethods()).filter(x -> x.getName().equals(method)
                && x.isAnnotationPresent(RolesAllowed.class)).findFirst().orElseThrow();
        return new TreeSet<>(Arrays.asList(m.getAnnotation(RolesAllowed.class).value()));
    }

    @Test
    void roundGateIsTheCity() {
        assertEquals(Set.of("CITY_OFFICER"), gate(ReviewResource.class, "transitionRound"));
        for (RoundAction a : RoundAction.values()) {
            assertEquals(java.util.List.of(Role.CITY_OFFICER), a.rule().roles(), a.name());
        }
    }

    @Test
    void applicationGatesAreEnterpriseCountyAndCity() {
        Set<String> expected = Set.of("ENTERPRISE", "COUNTY_OFFICER", "CITY_OFFICER");
        assertEquals(expected, gate(ReviewResource.class, "transition"));
        assertEquals(expected, gate(BatchTransitions.class, "transition"));
        Set<String> table = new TreeSet<>();
        for (ApplicationAction a : ApplicationAction.values()) {
            for (cn.liaocheng.rdcoverage.eligibility.BuildMode mode : cn.liaocheng.rdcoverage.eligibility.BuildMode.values()) {
                a.roles(mode).forEach(r -> table.add(r.name()));
            }
        }
        assertEquals(expected, table);
    }

    @Test
    void awardGatesAreFinanceAndCity() {
        Set<String> expected = Set.of("FINANCE", "CITY_OFFICER");
        assertEquals(expected, gate(AwardResource.class, "transition"));
        assertEquals(expected, gate(AwardBatch.class, "transition"));
        Set<String> table = new TreeSet<>();
        for (AwardAction a : AwardAction.values()) {
            a.rule().roles().forEach(r -> table.add(r.name()));
        }
        assertEquals(expected, table);
    }
}
