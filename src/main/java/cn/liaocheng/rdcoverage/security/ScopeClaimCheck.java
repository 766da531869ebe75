package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldCodes;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.ProblemLanguage;
import cn.liaocheng.rdcoverage.region.Regions;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * A token whose role is scoped by a claim ({@code rd.auth.scope-claims}) must carry that claim as exactly one
 * non-empty value; otherwise every request is 403 with a problem naming the claim, never a 200 with an empty or
 * unscoped answer. A county officer's region claim must also name a known region (a code of {@code region}, e.g.
 * 371502; a 12-digit 统计用区划代码 or an unknown code is 403 INVALID_VALUE naming the claim).
 */
public class ScopeClaimCheck {
    @Inject CurrentIdentityAssociation identities;
    @Inject TokenMapping mapping;
    @Inject Regions regions;

    @ServerRequestFilter
    public Uni<Response> check() {
        return identities.getDeferredIdentity().map(identity -> {
            verify(identity);
            return null;
        });
    }

    private void verify(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        for (Role role : Role.values()) {
            String claim = mapping.scopeClaim(role);
            if (claim == null || !identity.hasRole(role.name())) {
                continue;
            }
            Object value = jwt.getClaim(claim);
            if (TokenClaims.single(value) == null) {
                FieldMessage why = TokenClaims.problem(value);
                throw new ApiException(403, "forbidden", "Forbidden",
                        "The token's role " + role + " is scoped by the claim " + claim + ", which " + why.english(),
                        List.of(new Problem.FieldError(claim, why, why.code())), null)
                        .zh("detail.forbidden.scope-claim", role, claim,
                                ProblemLanguage.message(why, ProblemLanguage.CHINESE));
            }
            if (role == Role.COUNTY_OFFICER) {
                requireKnownRegion(claim, TokenClaims.single(value));
            }
        }
    }

    /** 403 naming the claim when a county officer's region is not one of the regions (reference data). */
    private void requireKnownRegion(String claim, String code) {
        if (regions.exists(code)) {
            return;
        }
        throw new ApiException(403, "forbidden", "Forbidden", "The token's role " + Role.COUNTY_OFFICER
                + " is scoped by the claim " + claim + ", whose value " + code + " is not a known region",
                List.of(new Problem.FieldError(claim, FieldMessage.of("is not a known region (" + code + ")",
                        "field.INVALID_VALUE.unknown-region-claim", code), FieldCodes.INVALID_VALUE)), null)
                .zh("detail.forbidden.unknown-region-claim", claim, code);
    }
}
