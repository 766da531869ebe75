package cn.liaocheng.rdcoverage.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A method a path does not answer is a 405 whose Allow header lists the methods it does (RFC 9110 15.5.6: the origin
 * server MUST send Allow with a 405), for every path of the served contract, so that a client can tell what to send.
 */
@QuarkusTest
class AllowHeaderTest {
    @Test
    void everyPathAnswersAMethodItDoesNotTakeWith405AndItsAllowHeader() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Set<String>> path : ServedContract.methodsByPath().entrySet()) {
            String method = List.of("PATCH", "DELETE", "PUT", "POST").stream()
                    .filter(m -> !path.getValue().contains(m)).findFirst().orElse(null);
            if (method == null) {
                continue;
            }
            Set<String> expected = new TreeSet<>(path.getValue());
            if (expected.contains("GET")) {
                expected.add("HEAD");
            }
            expected.add("OPTIONS");
            String url = path.getKey().replaceAll("\\{[^}]+}", "1");
            Response answer = city().contentType("application/json").body("{}").request(method, url);
            Set<String> allow = answer.header("Allow") == null ? Set.of()
                    : new TreeSet<>(Arrays.asList(answer.header("Allow").split(",\\s*")));
            if (answer.statusCode() != 405 || !allow.equals(expected)
                    || !answer.contentType().startsWith("application/problem+json")) {
                wrong.add(method + " " + url + ": " + answer.statusCode() + " Allow " + allow + ", expected 405 Allow " + expected);
            }
            checked++;
        }
        assertEquals(List.of(), wrong, "of " + checked + " paths");
    }
}
