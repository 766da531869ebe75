package cn.liaocheng.rdcoverage;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class SmokeTest {
    @Test
    void regionsAreSeeded() {
        city().when().get("/api/v1/regions").then().statusCode(200)
                .body("total", equalTo(11))
                .body("items.code", hasItems("371502", "371581", "371573"))
                .body("items.find { it.code == '371524' }.name", equalTo("东阿县"));
    }
}
