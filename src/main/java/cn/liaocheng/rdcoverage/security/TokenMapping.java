package cn.liaocheng.rdcoverage.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumMap;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an identity provider's tokens map onto the service's roles and scopes (issue #14), so tokens are accepted as a
 * real OIDC provider (Keycloak) issues them:
 * <ul>
 * <li>{@code rd.auth.role-claims}: claim paths (dots separate nesting) whose values are role names; all are read.
 * Group paths such as {@code /CITY_OFFICER} or {@code /liaocheng/CITY_OFFICER} count by their last segment.</li>
 * <li>{@code rd.auth.audience} and {@code rd.auth.audience-claims}: the token must name the audience in one of these
 * claims ({@code aud} from an audience mapper, or {@code azp}, the client the token was issued to).</li>
 * <li>{@code rd.auth.scope-claims.<ROLE>=<claim>}: the claim that scopes a role; a token holding the role must carry
 * that claim as exactly one non-empty value (else 403 naming the claim). New roles add one line here.</li>
 * </ul>
 */
@ApplicationScoped
public class TokenMapping {
    @Inject cn.liaocheng.rdcoverage.common.RdConfig rd;

    private final Map<Role, Optional<String>> scopeClaims = new EnumMap<>(Role.class);

    @PostConstruct
    void read() {
        Map<String, Optional<String>> configured = rd.auth().scopeClaims();
        for (Role role : Role.values()) {
            scopeClaims.put(role, configured.getOrDefault(role.name(), Optional.empty())
                    .map(String::trim).filter(s -> !s.isEmpty()));
        }
    }

    public List<String> roleClaims() {
        return rd.auth().roleClaims();
    }

    public Optional<String> audience() {
        return rd.auth().audience();
    }

    public List<String> audienceClaims() {
        return rd.auth().audienceClaims();
    }

    /** The claim that scopes {@code role}, or null when the role sees everything. */
    public String scopeClaim(Role role) {
        return scopeClaims.get(role).orElse(null);
    }
}
