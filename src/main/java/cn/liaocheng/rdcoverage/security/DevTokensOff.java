package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.common.Problems;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** With development tokens off (production), their endpoint answers 404 before a byte of the body is read. */
@Singleton
public class DevTokensOff {
    @jakarta.inject.Inject cn.liaocheng.rdcoverage.common.RdConfig rd;

    @ServerRequestFilter
    public Response refuse(ResourceInfo resource) {
        if (rd.devTokens().enabled() || resource.getResourceClass() != DevTokenResource.class) {
            return null;
        }
        return Problems.response(404, "not-found", "Not found", "Resource /api/v1/dev/tokens does not exist");
    }
}
