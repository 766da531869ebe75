package cn.liaocheng.rdcoverage.common;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed contract (openapi/openapi.yaml) must be what the service serves. After an intended API change,
 * regenerate it with {@code ./mvnw verify -Dopenapi.update=true} and review the diff.
 */
@QuarkusTest
class OpenApiContractTest {
    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    @Test
    void servedContractEqualsTheCommittedOne() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(committed, served, "openapi/openapi.yaml differs from what the service serves; "
                + "run ./mvnw verify -Dopenapi.update=true and commit the reviewed change");
    }

    /**
     * Issue #14 (start-up): the document is no longer written at start but on its first request in each format, and
     * kept: Quarkus' handler finds {@link OpenApiAnswers} in place of its own service, and a second request in each format
     * gets the same document as the first.
     */
    @Test
    void theDocumentIsWrittenOnItsFirstRequestAndKept() {
        assertInstanceOf(OpenApiAnswers.class, Arc.container().select(OpenApiDocumentService.class).get());
        for (String format : new String[]{"json", "yaml"}) {
            String first = given().get("/q/openapi?format=" + format).then().statusCode(200).extract().asString();
            String second = given().get("/q/openapi?format=" + format).then().statusCode(200).extract().asString();
            assertEquals(first, second, format);
            assertTrue(first.contains("checkCoverageLedger"), format);
        }
    }

    @Test
    void swaggerUiIsReachable() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
