package cn.liaocheng.rdcoverage.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Pattern;

/**
 * {@code Accept: application/*} asks for the API's application type, JSON. RESTEasy Reactive answered it on the
 * operations that also offer CSV with {@code application/octet-stream} and the Java {@code toString()} of the page
 * (a portal trial found it on nine lists); read as {@code application/json} with the same parameters, it gets JSON,
 * and an operation offering no JSON answers 406 as for any type it does not have.
 */
public class ApplicationWildcard {
    private static final Pattern WILDCARD = Pattern.compile("(?i)application/\\*");

    @ServerRequestFilter(preMatching = true)
    public void json(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.indexOf('*') > 0 && WILDCARD.matcher(accept).find()) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, WILDCARD.matcher(accept).replaceAll("application/json"));
        }
    }
}
