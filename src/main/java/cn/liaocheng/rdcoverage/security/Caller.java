package cn.liaocheng.rdcoverage.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and what their scope is: an enterprise sees its own credit code, a county officer its region,
 * an assessor its inspections; the city, province, finance and admin roles see all regions.
 */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public boolean authenticated() {
        return identity != null && !identity.isAnonymous();
    }

    public Role role() {
        if (!authenticated()) {
            return null;
        }
        for (Role r : Role.values()) {
            if (identity.hasRole(r.name())) {
                return r;
            }
        }
        return null;
    }

    public boolean is(Role r) {
        return authenticated() && identity.hasRole(r.name());
    }

    public String subject() {
        return authenticated() ? identity.getPrincipal().getName() : "anonymous";
    }

    public String regionCode() {
        return claim("regionCode");
    }

    public String creditCode() {
        return claim("creditCode");
    }

    public String assessorId() {
        return claim("assessorId");
    }

    /** Whether the caller's scope covers an enterprise of {@code region} with {@code creditCode}. */
    public boolean sees(String creditCode, String region) {
        if (is(Role.ENTERPRISE)) {
            return creditCode != null && creditCode.equals(creditCode());
        }
        if (is(Role.COUNTY_OFFICER)) {
            return region != null && region.equals(regionCode());
        }
        return is(Role.CITY_OFFICER) || is(Role.PROVINCE) || is(Role.FINANCE) || is(Role.ADMIN);
    }

    /** Whether the caller's reads are restricted to one region (county officers) or one enterprise. */
    public boolean scopedToRegion() {
        return is(Role.COUNTY_OFFICER);
    }

    public boolean scopedToEnterprise() {
        return is(Role.ENTERPRISE);
    }

    private String claim(String name) {
        if (jwt == null || jwt.getRawToken() == null) {
            return null;
        }
        Object v = jwt.getClaim(name);
        return v == null ? null : v.toString().replace("\"", "");
    }
}
