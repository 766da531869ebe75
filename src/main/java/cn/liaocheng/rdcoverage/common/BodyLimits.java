package cn.liaocheng.rdcoverage.common;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Request bodies over {@code rd.body-limit} (1 MB) are refused with 413 everywhere but on {@link LargeBody}
 * endpoints (imports stream files of hundreds of megabytes, up to quarkus.http.limits.max-body-size).
 *
 * <p>A body with a Content-Length is judged by it before anything is read. A body without one (chunked) is
 * counted while it is read, through a wrapper around the request stream. Endpoints that run on the event loop
 * ({@link NonBlocking}, the what-if assessment) cannot read a stream that blocks, so there a chunked body is
 * refused with 411 and the client is asked to announce its length: their bodies are small JSON documents that
 * every HTTP client sends with a Content-Length. (A JAX-RS ReaderInterceptor would count every body, but it makes
 * Quarkus REST copy the headers and the parameter annotations on every request of every endpoint.)
 */
@Singleton
public class BodyLimits {
    @jakarta.inject.Inject RdConfig rd;

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(LargeBody.class)) {
            return null;
        }
        long max = rd.bodyLimit().asLongValue();
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            try {
                return Long.parseLong(length.trim()) > max ? tooLarge(max) : null;
            } catch (NumberFormatException ignored) {
                return null; // the HTTP layer rejects malformed lengths
            }
        }
        if (request.getHeaderString("Transfer-Encoding") == null) {
            return null; // no body
        }
        if (method.isAnnotationPresent(NonBlocking.class)) {
            return Problems.response(411, "length-required", "Length required",
                    "Send this request with a Content-Length header (at most " + max + " bytes); "
                            + "a body of unannounced length is not accepted here");
        }
        request.setEntityStream(new Counted(request.getEntityStream(), max));
        return null;
    }

    private static Response tooLarge(long max) {
        return Problems.response(413, "payload-too-large", "Payload too large",
                "The request body is larger than the " + max + " bytes this endpoint accepts; only imports take large files");
    }

    /** Fails the read with 413 ({@link TooLarge}) as soon as more than {@code max} bytes have come. */
    private static final class Counted extends LimitedInputStream {
        Counted(InputStream in, long max) {
            super(in, max);
        }

        @Override
        protected IOException exceeded(long max) {
            return new TooLarge(max);
        }
    }

    /**
     * Thrown by the counting stream. An IOException, because the JSON reader passes those on as they are, while it
     * would wrap any other exception into a mapping error (a 400).
     */
    public static final class TooLarge extends IOException {
        final long max;

        TooLarge(long max) {
            super("The request body is larger than " + max + " bytes");
            this.max = max;
        }
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLarge e) {
        return tooLarge(e.max);
    }
}
