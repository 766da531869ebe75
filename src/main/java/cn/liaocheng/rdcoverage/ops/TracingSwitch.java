package cn.liaocheng.rdcoverage.ops;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * OpenTelemetry tracing is on only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a collector: then the SDK exports
 * there (JDBC spans included); without it the SDK is disabled, so nothing tries to reach a collector. An explicit
 * {@code quarkus.otel.*} setting wins (this source has a low ordinal).
 */
public class TracingSwitch implements ConfigSource {
    private final Map<String, String> values;

    public TracingSwitch() {
        String endpoint = System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
        values = endpoint == null || endpoint.isBlank()
                ? Map.of("quarkus.otel.sdk.disabled", "true")
                : Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.exporter.otlp.endpoint", endpoint.trim());
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public String getName() {
        return "rd-coverage-tracing-switch";
    }

    @Override
    public int getOrdinal() {
        return 55;
    }
}
