package cn.liaocheng.rdcoverage.ops;

import cn.liaocheng.rdcoverage.award.AwardView;
import cn.liaocheng.rdcoverage.eligibility.Result;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportReport;
import cn.liaocheng.rdcoverage.review.ReviewViews;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

/**
 * Domain metrics on /q/metrics (issue #14), taken from what the endpoints answer, so the services stay as they are:
 * <ul>
 * <li>{@code rd_import_rows_total{outcome=created|updated|unchanged|rejected}} and {@code rd_import_duration_seconds}
 * (imports that wrote, not dry runs; the duration covers reading the streamed body);</li>
 * <li>{@code rd_assessments_total{outcome=qualified|not_qualified}} (what-if assessments);</li>
 * <li>{@code rd_recognitions_total{decision=RECOGNIZED|REJECTED|COUNTY_REJECTED}};</li>
 * <li>{@code rd_award_amount_yuan_count/_sum{state}}: awards reaching a state (PROPOSED with a recognition, then
 * APPROVED, DISBURSED, CANCELLED) and their amounts;</li>
 * <li>{@code rd_coverage_report_duration_seconds}.</li>
 * </ul>
 * Counters are per instance; sum them over the pods.
 */
@Singleton
public class DomainMetrics {
    private static final String STARTED = DomainMetrics.class.getName() + ".started";

    @Inject MeterRegistry registry;

    @ServerRequestFilter
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || response.getStatus() >= 300) {
            return;
        }
        Object entity = response.getEntity();
        String endpoint = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (entity instanceof ImportReport r && !r.dryRun()) {
            rows("created", r.created());
            rows("updated", r.updated());
            rows("unchanged", r.unchanged());
            rows("rejected", r.rejected());
            time("rd.import.duration", "Duration of enterprise imports that wrote rows", request);
        } else if (entity instanceof Result r && endpoint.equals("AssessmentResource.assess")) {
            Counter.builder("rd.assessments").description("What-if assessments by outcome")
                    .tag("outcome", r.qualified() ? "qualified" : "not_qualified").register(registry).increment();
        } else if (entity instanceof ReviewViews.ApplicationView v && endpoint.equals("ReviewResource.transition")) {
            String status = v.status() == null ? "" : v.status().name();
            if (status.equals("RECOGNIZED") || status.equals("REJECTED") || status.equals("COUNTY_REJECTED")) {
                Counter.builder("rd.recognitions").description("Recognition decisions on applications")
                        .tag("decision", status).register(registry).increment();
            }
            if (v.awards() != null && status.equals("RECOGNIZED")) {
                v.awards().forEach(this::award);
            }
        } else if (entity instanceof AwardView a && endpoint.equals("AwardResource.transition")) {
            award(a);
        } else if (endpoint.equals("ReportResource.coverage")) {
            time("rd.coverage.report.duration", "Duration of coverage reports", request);
        }
    }

    private void rows(String outcome, long n) {
        Counter.builder("rd.import.rows").description("Rows of enterprise imports by outcome")
                .tag("outcome", outcome).register(registry).increment(n);
    }

    private void award(AwardView a) {
        if (a.status() == null) {
            return;
        }
        DistributionSummary.builder("rd.award.amount").baseUnit("yuan").description("Awards reaching a state, and their amounts")
                .tag("state", a.status().name()).register(registry)
                .record(a.amount() == null ? 0 : a.amount().doubleValue());
    }

    private void time(String name, String description, ContainerRequestContext request) {
        if (request.getProperty(STARTED) instanceof Long started) {
            Timer.builder(name).description(description).register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
