package cn.liaocheng.rdcoverage.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Who is calling and the claims of its scope (credit code, region, assessor, the supervisor's regions). What that
 * scope lets the caller see and do is decided in one place, {@link Scope}.
 */
@RequestScoped
public class Caller {
    @Inject SecurityIdentity identity;
    @Inject JsonWebToken jwt;
    @Inject Instance<SupervisedRegions> supervised;

    private Set<String> regions;

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

    @Inject TokenMapping mapping;

    public String regionCode() {
        return scope(Role.COUNTY_OFFICER, "regionCode");
    }

    public String creditCode() {
        return scope(Role.ENTERPRISE, "creditCode");
    }

    public String assessorId() {
        return scope(Role.ASSESSOR, "assessorId");
    }

    /** The single value of the claim that scopes {@code role} (rd.auth.scope-claims; ScopeClaimCheck refuses others). */
    private String scope(Role role, String defaultClaim) {
        String name = mapping.scopeClaim(role);
        return claim(name == null ? defaultClaim : name);
    }

    public String supervisorId() {
        return scope(Role.SUPERVISOR, "supervisorId");
    }

    /** Whether the caller's reads are restricted to some regions (county officers, supervisors) or one enterprise. */
    public boolean scopedToRegion() {
        return is(Role.COUNTY_OFFICER) || is(Role.SUPERVISOR);
    }

    /**
     * The regions a region-scoped caller sees: a county officer's own, a supervisor's the regions of its supervision
     * groups (read once per request); empty for the other roles.
     */
    public Set<String> regions() {
        if (regions == null) {
            if (is(Role.COUNTY_OFFICER)) {
                regions = regionCode() == null ? Set.of() : Set.of(regionCode());
            } else if (is(Role.SUPERVISOR) && supervisorId() != null && supervised.isResolvable()) {
                regions = Set.copyOf(supervised.get().of(supervisorId()));
            } else {
                regions = Set.of();
            }
        }
        return regions;
    }

    public boolean scopedToEnterprise() {
        return is(Role.ENTERPRISE);
    }

    private String claim(String name) {
        if (jwt == null || jwt.getRawToken() == null) {
            return null;
        }
        return TokenClaims.single(jwt.getClaim(name));
    }
}
