package cn.liaocheng.rdcoverage.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Request-body examples of the contract (issue #13: Swagger UI's "Try it out" sends them): one file per operation
 * beside the code, {@code src/main/resources/openapi-examples/<operationId>.json} holding {@code {"summary", "value"}}
 * (a JSON body), or {@code <operationId>.csv} (a file upload sent as text/csv). Run by {@link ProblemOpenApiFilter}, it
 * adds the example, named {@code example}, to every media type of the operation's request body that has none.
 * Values use real Liaocheng region codes (371502 东昌府区, 371581 临清市) and valid GB 32100 credit codes;
 * RequestExamplesTest sends each one to the service.
 */
final class RequestExamples {
    static final String DIRECTORY = "openapi-examples/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestExamples() {
    }

    static void add(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(RequestExamples::add));
    }

    private static void add(Operation op) {
        if (op.getRequestBody() == null || op.getOperationId() == null || op.getRequestBody().getContent() == null
                || op.getRequestBody().getContent().getMediaTypes() == null) {
            return;
        }
        Map<String, MediaType> media = op.getRequestBody().getContent().getMediaTypes();
        String json = read(DIRECTORY + op.getOperationId() + ".json");
        String csv = read(DIRECTORY + op.getOperationId() + ".csv");
        media.forEach((type, m) -> {
            if (m.getExamples() != null && !m.getExamples().isEmpty() || m.getExample() != null) {
                return;
            }
            if (json != null && (type.contains("json") || type.startsWith("multipart/"))) {
                try {
                    JsonNode file = JSON.readTree(json);
                    m.addExample("example", OASFactory.createExample().summary(file.path("summary").asText(null))
                            .value(JSON.treeToValue(file.get("value"), Object.class)));
                } catch (IOException e) {
                    throw new UncheckedIOException("unreadable example " + op.getOperationId(), e);
                }
            } else if (csv != null) {
                m.addExample("example", OASFactory.createExample()
                        .summary("A CSV file (UTF-8) with Chinese headers; send it as text/csv").value(csv));
            }
        });
    }

    private static String read(String resource) {
        try (InputStream in = RequestExamples.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
