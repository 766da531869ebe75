package cn.liaocheng.rdcoverage.common;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional GET for every resource that answers with an ETag: {@code If-None-Match} naming the current tag
 * (or {@code *}) turns the 200 into a 304 without a body (RFC 9110 13.1.2), through JAX-RS
 * {@code Request.evaluatePreconditions}. Resources only set the tag; none needs code of its own.
 */
public class ConditionalGet {
    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) || response.getStatus() != 200
                || request.getHeaderString("If-None-Match") == null) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        if (tag == null) {
            return;
        }
        Response.ResponseBuilder notModified = request.getRequest().evaluatePreconditions(tag);
        if (notModified != null) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove("Content-Type");
            response.getHeaders().remove("Content-Length");
        }
    }
}
