package cn.liaocheng.rdcoverage.ops;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Puts the request id (the caller's X-Request-Id when it is a plain token, else a new one; echoed in the response)
 * and the caller's subject (never the token) into the logging context: JSON log lines carry them as mdc fields,
 * and the access log shows the request id.
 */
public class RequestLogContext {
    static final String HEADER = "X-Request-Id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Inject CurrentIdentityAssociation identities;

    @ServerRequestFilter(preMatching = true)
    public void requestId(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || !PLAIN.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            request.getHeaders().putSingle(HEADER, id);
        }
        MDC.put("requestId", id);
    }

    @ServerRequestFilter
    public Uni<Response> subject() {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity != null && !identity.isAnonymous()) {
                MDC.put("subject", identity.getPrincipal().getName());
            }
            return null;
        });
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getHeaderString(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove("requestId");
        MDC.remove("subject");
    }
}
