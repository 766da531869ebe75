package cn.liaocheng.rdcoverage.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a verified token onto the service's roles ({@link TokenMapping}): checks the audience in the configured
 * claims (401 when none names it) and adds the roles found at the configured claim paths, group paths reduced to
 * their last segment.
 */
@ApplicationScoped
public class TokenRoleAugmentor implements SecurityIdentityAugmentor {
    @Inject TokenMapping mapping;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Optional<String> audience = mapping.audience().filter(a -> !a.isBlank());
        if (audience.isPresent() && !names(jwt, audience.get())) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "token not issued for audience " + audience.get() + " (claims " + mapping.audienceClaims() + ")"));
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String path : mapping.roleClaims()) {
            for (String value : TokenClaims.strings(TokenClaims.at(jwt, path.trim()))) {
                String role = TokenClaims.roleName(value);
                if (!role.isEmpty() && !identity.hasRole(role)) {
                    roles.add(role);
                }
            }
        }
        if (roles.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(roles).build());
    }

    private boolean names(JsonWebToken jwt, String audience) {
        for (String claim : mapping.audienceClaims()) {
            if (TokenClaims.strings(TokenClaims.at(jwt, claim.trim())).contains(audience)) {
                return true;
            }
        }
        return false;
    }
}
