package cn.liaocheng.rdcoverage.common;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Request lines and headers over this service's limits are refused with a problem+json body naming the limit:
 * 414 for a request target longer than {@code rd.limits.max-uri-length} (8,192 characters), 431 for headers larger
 * than {@code rd.limits.max-header-size} (32 KB). The HTTP server's own, higher hard limits
 * (quarkus.http.limits.max-initial-line-length and max-header-size) still end a request beyond them with a bare
 * 414/431: those are far above anything a client sends by mistake.
 */
@Singleton
public class RequestHeadLimits {
    @jakarta.inject.Inject RdConfig rd;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri != null && uri.length() > rd.limits().maxUriLength()) {
            refuse(rc, 414, "uri-too-long", "URI too long", "request target",
                    "is " + uri.length() + " characters; at most " + rd.limits().maxUriLength() + " are accepted (send long criteria in a body)");
            return;
        }
        long size = 0;
        for (Map.Entry<String, String> h : rc.request().headers()) {
            size += h.getKey().length() + h.getValue().length() + 4;
        }
        if (size > rd.limits().maxHeaderSize()) {
            refuse(rc, 431, "request-header-fields-too-large", "Request header fields too large", "headers",
                    "are " + size + " bytes together; at most " + rd.limits().maxHeaderSize() + " are accepted");
            return;
        }
        rc.next();
    }

    private static void refuse(RoutingContext rc, int status, String slug, String title, String field, String message) {
        JsonObject problem = new JsonObject().put("type", Problems.type(slug)).put("title", title).put("status", status)
                .put("detail", field + " " + message)
                .put("errors", new JsonArray().add(new JsonObject().put("field", field).put("message", message)));
        rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem.encode());
    }
}
