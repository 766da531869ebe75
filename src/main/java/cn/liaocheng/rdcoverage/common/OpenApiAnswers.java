package cn.liaocheng.rdcoverage.common;

import io.quarkus.arc.Unremovable;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The served OpenAPI document, written on its first request in each format and then kept (issue #14, start-up).
 * <p>SmallRye OpenAPI reads the build's document at start-up, applies the run-stage filter
 * ({@link ProblemOpenApiFilter}) and writes the whole 11,000-line result as JSON and as YAML before the service is
 * ready: about a second of every start. With {@code quarkus.smallrye-openapi.always-run-filter=true} it keeps the model
 * read at start instead and, on each {@code /q/openapi} request, applies the filter to a fresh deep copy of it and
 * writes the asked format. This bean, which Quarkus' handler looks up in its place, keeps the first answer of each
 * document and format, so the filter and the writing run once per format instead of at every start or every request.
 * The document cannot change while the service runs (the filter reads no request, caller or clock), so every answer
 * is the one the service served before (OpenApiContractTest compares it with openapi/openapi.yaml).
 */
@Singleton
@Alternative
@Priority(1)
@Unremovable
public class OpenApiAnswers extends OpenApiDocumentService {
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();

    /** The document {@code name} in {@code format} as bytes (UTF-8), written on its first request, then kept. */
    @Override
    public byte[] getDocument(String name, Format format) {
        return answers.computeIfAbsent(name + '\n' + format, k -> super.getDocument(name, format));
    }
}
