package cn.liaocheng.rdcoverage.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void swaggerUiIsReachable() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
