package cn.liaocheng.rdcoverage.common;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies over {@code rd.body-limit} (1 MB) are refused with 413 everywhere but on {@link LargeBody}
 * endpoints (imports stream files of hundreds of megabytes, up to quarkus.http.limits.max-body-size):
 * by Content-Length before anything is read, and while reading when the length is not announced.
 */
@Provider
public class BodyLimits implements ReaderInterceptor {
    @ConfigProperty(name = "rd.body-limit", defaultValue = "1M")
    MemorySize limit;

    @ServerRequestFilter
    public Response announcedLength(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() == null || resource.getResourceMethod().isAnnotationPresent(LargeBody.class)) {
            return null;
        }
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit.asLongValue()) {
                    return tooLarge();
                }
            } catch (NumberFormatException ignored) {
                // the HTTP layer rejects malformed lengths
            }
        }
        return null;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getType() == InputStream.class) {
            return context.proceed();
        }
        long max = limit.asLongValue();
        context.setInputStream(new FilterInputStream(context.getInputStream()) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > max) {
                    throw new ApiException(413, "payload-too-large", "Payload too large",
                            "The request body is larger than the " + max + " bytes this endpoint accepts", null, null);
                }
            }
        });
        return context.proceed();
    }

    private Response tooLarge() {
        return Problems.response(413, "payload-too-large", "Payload too large",
                "The request body is larger than the " + limit.asLongValue() + " bytes this endpoint accepts; "
                        + "only imports take large files");
    }
}
