package cn.liaocheng.rdcoverage.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Conditional GET for every resource that answers with an ETag: {@code If-None-Match} naming the current tag
 * by the weak comparison (or {@code *}) turns the 200 into a 304 without a body (RFC 9110 13.1.2), as
 * {@link EntityTags} evaluates it. Resources only set the tag; none needs code of its own. Computed reports
 * ({@link ReportETag}) get a weak tag digested from their JSON here.
 */
public class ConditionalGet {
    @Inject ObjectMapper json;

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String method = request.getMethod();
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) || response.getStatus() != 200) {
            return;
        }
        // The representation depends on Accept (JSON, CSV, xlsx) and Accept-Language (messages, bases, file headers): a
        // browser's cache keeps one copy per language and format, and revalidates each with its own tag (RFC 9110 12.5.5).
        if (!response.getHeaders().containsKey(HttpHeaders.VARY)) {
            response.getHeaders().putSingle(HttpHeaders.VARY, "Accept, Accept-Language");
        }
        EntityTag tag = response.getEntityTag();
        if (tag == null && response.hasEntity() && resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(ReportETag.class)) {
            tag = reportTag(response.getEntity(), request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        if (EntityTags.noneMatchFails(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove("Content-Type");
            response.getHeaders().remove("Content-Length");
        }
    }

    /** W/"r" + 24 hex digits of SHA-256 over the report's JSON without generatedAt (and the language it was asked in). */
    EntityTag reportTag(Object entity, String language) {
        try {
            JsonNode tree = json.valueToTree(entity);
            if (tree instanceof ObjectNode object) {
                object.remove("generatedAt"); // the instant it was computed; the figures are what a copy is checked for
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(json.writeValueAsBytes(tree));
            sha.update((language == null ? "" : language).getBytes(StandardCharsets.UTF_8));
            return new EntityTag("r" + HexFormat.of().formatHex(sha.digest(), 0, 12), true);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
