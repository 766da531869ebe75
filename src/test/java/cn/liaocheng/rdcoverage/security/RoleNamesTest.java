package cn.liaocheng.rdcoverage.security;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Role.Names} spells every role exactly as the enum does, and no other name. */
class RoleNamesTest {
    @Test
    void everyConstantIsTheNameOfItsRole() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field f : Role.Names.class.getDeclaredFields()) {
            assertEquals(f.getName(), f.get(null), "Role.Names." + f.getName());
            names.add((String) f.get(null));
        }
        assertEquals(Set.of("ENTERPRISE", "COUNTY_OFFICER", "CITY_OFFICER", "ASSESSOR", "FINANCE", "PROVINCE", "ADMIN",
                "SUPERVISOR"), names);
        Set<String> roles = new TreeSet<>();
        for (Role r : Role.values()) {
            roles.add(r.name());
        }
        assertEquals(roles, names);
    }
}
