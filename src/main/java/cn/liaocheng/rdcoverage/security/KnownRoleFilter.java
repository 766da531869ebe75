package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.common.Problems;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Deny by default (issue 12, item 8): a valid token that names none of the known roles gets 403 on every API
 * endpoint, including those open to any authenticated caller; only what is open to all ({@link PermitAll}: the
 * development tokens) and the non-API paths (health, OpenAPI, Swagger UI) stay reachable. No token at all is left
 * to the endpoint's own check (401).
 */
@Singleton
public class KnownRoleFilter {
    @Inject CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> requireKnownRole(ResourceInfo resource) {
        if (resource.getResourceMethod() == null || resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> identity.isAnonymous() || knownRole(identity) ? null
                : Problems.response(403, "forbidden", "Forbidden",
                "The token names no role of this service (" + java.util.Arrays.toString(Role.values()) + ")"));
    }

    static boolean knownRole(SecurityIdentity identity) {
        for (Role r : Role.values()) {
            if (identity.hasRole(r.name())) {
                return true;
            }
        }
        return false;
    }
}
