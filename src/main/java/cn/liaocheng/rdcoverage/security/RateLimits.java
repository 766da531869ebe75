package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-caller fixed one-minute windows on expensive operations (imports, what-if assessments), in memory per
 * instance. Over the limit: 429 with Retry-After. A limit of 0 switches the check off.
 * <p>
 * The configured limits are the budget for the whole deployment; each instance enforces its share,
 * {@code ceil(limit / rd.rate-limit.instances)} (at least 1). {@code rd.rate-limit.instances} is the largest number
 * of instances that may run at once (deploy/k8s: the HorizontalPodAutoscaler's maxReplicas, 6), so that however
 * far the deployment scales out, a caller whose requests spread over every instance stays within the budget
 * (issue #14). Default 1: a single instance enforces the limits as configured.
 */
@ApplicationScoped
public class RateLimits {
    @Inject cn.liaocheng.rdcoverage.common.RdConfig rd;
    @Inject Clock clock;
    @Inject Caller caller;

    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    /** Runs after routing and authentication, before the body is read or validated. */
    @ServerRequestFilter
    public void limit(ResourceInfo resource) {
        RateLimited limited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            return;
        }
        int perMinute = switch (limited.value()) {
            case "imports" -> rd.rateLimit().importsPerMinute();
            case "assessments" -> rd.rateLimit().assessmentsPerMinute();
            default -> throw new IllegalStateException("unknown rate limit " + limited.value());
        };
        if (perMinute > 0 && caller.authenticated()) {
            check(limited.value(), caller.subject(), perInstance(perMinute, rd.rateLimit().instances()));
        }
    }

    /** This instance's share of a deployment-wide limit: ceil(limit / instances), at least 1; 0 (off) stays 0. */
    static int perInstance(int limit, int instances) {
        if (limit <= 0) {
            return limit;
        }
        if (instances < 1) {
            throw new IllegalStateException("rd.rate-limit.instances must be at least 1, was " + instances);
        }
        return Math.max(1, (limit + instances - 1) / instances);
    }

    private void check(String bucket, String caller, int perMinute) {
        long minute = clock.millis() / 60_000;
        long[] window = windows.computeIfAbsent(bucket + '/' + caller, k -> new long[2]);
        long count;
        synchronized (window) {
            if (window[0] != minute) {
                window[0] = minute;
                window[1] = 0;
            }
            count = ++window[1];
        }
        if (count > perMinute) {
            long retryAfter = Math.max(1, 60 - (clock.millis() / 1000) % 60);
            throw new ApiException(429, "too-many-requests", "Too many requests",
                    "At most " + perMinute + " " + bucket + " per minute per caller; retry after " + retryAfter + " s",
                    null, Map.of("retryAfter", retryAfter));
        }
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue()[0] != minute);
        }
    }
}
