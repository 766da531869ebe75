package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.enterprise.EnterpriseImportTest.EN_HEADER;
import static cn.liaocheng.rdcoverage.enterprise.EnterpriseImportTest.csv;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Imports longer than one chunk (rd.import.chunk-size, 1000 rows): counts, stored rows and the audit trail must be
 * the same wherever the chunk boundaries fall; and free text of any form is stored as it was sent.
 */
@QuarkusTest
class EnterpriseImportChunksTest {
    private static String row(String code, String name, int year, int employees, long revenue) {
        return code + "," + name + ",371502,C3311," + year + "," + employees + "," + revenue + ",,,\n";
    }

    private static List<String> codes(int n) {
        List<String> codes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            codes.add(TestData.creditCode());
        }
        return codes;
    }

    @Test
    void newChangedAndUnchangedRowsAcrossChunkBoundaries() {
        List<String> old = codes(1500);
        StringBuilder first = new StringBuilder(EN_HEADER);
        for (int i = 0; i < old.size(); i++) {
            first.append(row(old.get(i), "老企业" + i, 2024, 100, 30_000_000));
        }
        csv(first.toString(), null).statusCode(200).body("created", equalTo(1500)).body("updated", equalTo(0));

        // Chunk 1 holds lines 2-1001 of the second file, chunk 2 lines 1002-2001, chunk 3 the rest.
        List<String> fresh = codes(1000);
        String split = TestData.creditCode();
        String again = old.get(0);
        StringBuilder second = new StringBuilder(EN_HEADER);
        int changed = 0;
        for (int i = 0; i < 999; i++) {
            // every third old enterprise reports more employees, every third a new name, the rest the same
            int employees = i % 3 == 0 ? 101 : 100;
            String name = i % 3 == 1 ? "更名企业" + i : "老企业" + i;
            changed += i % 3 == 2 ? 0 : 1;
            second.append(row(old.get(i), name, 2024, employees, 30_000_000));
        }
        second.append(row(split, "跨块企业", 2023, 50, 10_000_000));           // line 1001: last of chunk 1
        second.append(row(split, "跨块企业", 2024, 350, 25_000_000));          // line 1002: first of chunk 2
        second.append(row(again, "又改名企业", 2025, 100, 30_000_000));         // changed in chunk 1, again in chunk 2
        for (int i = 999; i < old.size(); i++) {
            second.append(row(old.get(i), "老企业" + i, 2024, 100, 30_000_000));
        }
        for (int i = 0; i < fresh.size(); i++) {
            second.append(row(fresh.get(i), "新企业" + i, 2024, 20 + i, 3_000_000 + i));
        }
        int unchanged = 999 - changed + (old.size() - 999);
        csv(second.toString(), null).statusCode(200)
                .body("received", equalTo(2503)).body("rejected", equalTo(0))
                .body("created", equalTo(2 + 1 + fresh.size())).body("updated", equalTo(changed))
                .body("unchanged", equalTo(unchanged)).body("committed", equalTo(true));

        city().get("/api/v1/enterprises/" + split).then().statusCode(200)
                .body("name", equalTo("跨块企业")).body("figuresYear", equalTo(2024)).body("sizeClass", equalTo("MEDIUM"));
        city().get("/api/v1/enterprises/" + split + "/figures/2023").then().statusCode(200).body("sizeClass", equalTo("SMALL"));
        city().get("/api/v1/enterprises/" + split + "/history").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.findAll { it.resource == 'enterprise' }.type", equalTo(List.of("CREATED")))
                .body("items.findAll { it.resource == 'enterprise' }[0].state.figuresYear", equalTo(2024))
                .body("items.findAll { it.resource == 'figures' }.key", equalTo(List.of("2023", "2024")))
                .body("items.findAll { it.resource == 'figures' }.type", equalTo(List.of("CREATED", "CREATED")));

        city().get("/api/v1/enterprises/" + again).then().statusCode(200)
                .body("name", equalTo("又改名企业")).body("figuresYear", equalTo(2025));
        city().get("/api/v1/enterprises/" + again + "/figures/2024").then().body("employees", equalTo(101));
        city().get("/api/v1/enterprises/" + again + "/history").then().statusCode(200)
                .body("items.findAll { it.resource == 'enterprise' }.type", equalTo(List.of("CREATED", "UPDATED")))
                .body("items.findAll { it.resource == 'enterprise' }[1].changed", equalTo(List.of("name", "figuresYear")))
                .body("items.findAll { it.resource == 'enterprise' }[1].state.name", equalTo("又改名企业"))
                .body("items.findAll { it.resource == 'figures' }.type", equalTo(List.of("CREATED", "UPDATED", "CREATED")))
                .body("items.findAll { it.resource == 'figures' && it.type == 'UPDATED' }[0].changed", equalTo(List.of("employees")));

        city().get("/api/v1/enterprises/" + old.get(1)).then().body("name", equalTo("更名企业1"));
        city().get("/api/v1/enterprises/" + old.get(1) + "/history").then()
                .body("items.type", equalTo(List.of("CREATED", "CREATED", "UPDATED")))
                .body("items[2].changed", equalTo(List.of("name")));
        city().get("/api/v1/enterprises/" + old.get(3) + "/figures/2024").then().body("employees", equalTo(101));
        for (String unchangedCode : List.of(old.get(2), old.get(998), old.get(999), old.get(1499))) {
            city().get("/api/v1/enterprises/" + unchangedCode + "/history").then()
                    .body("items.type", equalTo(List.of("CREATED", "CREATED")));
        }
        city().get("/api/v1/enterprises/" + fresh.get(0)).then().statusCode(200).body("name", equalTo("新企业0"));
        city().get("/api/v1/enterprises/" + fresh.get(999) + "/figures/2024").then().statusCode(200)
                .body("employees", equalTo(1019)).body("revenue", equalTo(3000999f));
    }

    @Test
    void namesAndAddressesAreStoredAsSent() {
        List<String> names = List.of("O'Brien 精密 \"轴承\"", "C:\\厂\\二车间", "问号? 与 -- 注释 /* 块 */ ; drop table enterprise",
                "第一行\n第二行", "制表\t符", "表情😀企业", "'); delete from enterprise; --");
        List<String> codes = codes(names.size());
        StringBuilder file = new StringBuilder("creditCode,name,regionCode,year,employees,revenue,address\n");
        for (int i = 0; i < names.size(); i++) {
            file.append(codes.get(i)).append(',').append(quoted(names.get(i))).append(",371502,2024,30,5000000,")
                    .append(quoted(names.get(names.size() - 1 - i))).append('\n');
        }
        csv(file.toString(), null).statusCode(200).body("created", equalTo(names.size()));
        for (int i = 0; i < names.size(); i++) {
            city().get("/api/v1/enterprises/" + codes.get(i)).then().statusCode(200)
                    .body("name", equalTo(names.get(i))).body("address", equalTo(names.get(names.size() - 1 - i)));
            city().get("/api/v1/enterprises/" + codes.get(i) + "/history").then()
                    .body("items.findAll { it.resource == 'enterprise' }[0].state.name", equalTo(names.get(i)));
        }
        // and the same names as changes of stored enterprises
        StringBuilder renamed = new StringBuilder("creditCode,name,regionCode,year,employees,revenue\n");
        for (int i = 0; i < names.size(); i++) {
            renamed.append(codes.get(i)).append(',').append(quoted(names.get((i + 1) % names.size()))).append(",371502,2024,30,5000000\n");
        }
        csv(renamed.toString(), null).statusCode(200).body("updated", equalTo(names.size()));
        for (int i = 0; i < names.size(); i++) {
            city().get("/api/v1/enterprises/" + codes.get(i)).then().body("name", equalTo(names.get((i + 1) % names.size())));
        }
        city().get("/api/v1/enterprises?size=1").then().statusCode(200);
    }

    @Test
    void anEnterpriseWithoutOptionalValuesKeepsThemEmpty() {
        String code = TestData.creditCode();
        csv("creditCode,name,regionCode,year,employees,revenue\n" + code + ",空值企业,371502,2024,30,5000000.5\n", "listed=false")
                .statusCode(200).body("created", equalTo(1));
        city().get("/api/v1/enterprises/" + code).then().statusCode(200)
                .body("industryCode", nullValue()).body("address", nullValue())
                .body("keyEnterprise", equalTo(false)).body("keyIndustry", equalTo(false));
        city().get("/api/v1/enterprises/" + code + "/figures/2024").then().body("revenue", equalTo(5000000.5f))
                .body("aboveDesignatedSize", equalTo(false));
        city().get("/api/v1/enterprises/" + code + "/history").then()
                .body("items.findAll { it.resource == 'figures' }[0].state", equalTo(Map.of("year", 2024, "employees", 30,
                        "revenue", 5000000.5f, "aboveDesignatedSize", false, "sizeClass", "SMALL", "regionCode", "371502")));
    }

    @Test
    void problemsAreListedInTheOrderFoundUpToAThousandAcrossChunks() {
        String other = TestData.creditCode("371526");
        city().contentType("application/json").body(Map.of("creditCode", other, "name", "邻县企业", "regionCode", "371526"))
                .post("/api/v1/enterprises").then().statusCode(201);
        List<String> fresh = codes(1000);
        // line 2: an enterprise of another county (found when its chunk is written); lines 3-1001 complete chunk 1;
        // lines 1002-3201: 2,200 rows with a negative revenue; line 3202: the last valid row
        StringBuilder file = new StringBuilder(EN_HEADER).append(other).append(",抢过来,371521,,2024,100,30000000,,,\n");
        for (int i = 0; i < 999; i++) {
            file.append(fresh.get(i)).append(",县内企业").append(i).append(",371521,,2024,100,30000000,,,\n");
        }
        for (int i = 0; i < 2200; i++) {
            file.append(TestData.creditCode("371521")).append(",坏企业,371521,,2024,100,-1,,,\n");
        }
        file.append(fresh.get(999)).append(",县内企业999,371521,,2024,100,30000000,,,\n");
        byte[] body = file.toString().getBytes(StandardCharsets.UTF_8);
        TestData.county("371521").config(TestData.RAW_CHARSET).contentType("text/csv").body(body)
                .post("/api/v1/enterprises/import?mode=partial").then().statusCode(200)
                .body("received", equalTo(3201)).body("created", equalTo(1000)).body("rejected", equalTo(2201))
                .body("errors", hasSize(1000)).body("errorsOmitted", equalTo(1201))
                .body("errors[0].line", equalTo(2)).body("errors[0].message", containsString("another region"))
                .body("errors[1].line", equalTo(1002)).body("errors[999].line", equalTo(2000))
                .body("errors[999].field", equalTo("revenue"));
        city().get("/api/v1/enterprises/" + other).then().body("name", equalTo("邻县企业"));
        city().get("/api/v1/enterprises/" + fresh.get(999)).then().statusCode(200);

        // all-or-nothing: the same problems, nothing written
        List<String> more = codes(1000);
        String again = file.toString();
        for (int i = 0; i < 1000; i++) {
            again = again.replace(fresh.get(i), more.get(i));
        }
        TestData.county("371521").config(TestData.RAW_CHARSET).contentType("text/csv")
                .body(again.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import").then().statusCode(422)
                .body("rejected", equalTo(2201)).body("errors", hasSize(1000)).body("errorsOmitted", equalTo(1201))
                .body("errors[0].line", equalTo(2));
        city().get("/api/v1/enterprises/" + more.get(0)).then().statusCode(404);
    }

    @Test
    void aFileProblemAfterTheFirstChunksWritesNothing() {
        List<String> codes = codes(2100);
        StringBuilder file = new StringBuilder(EN_HEADER);
        for (String code : codes) {
            file.append(row(code, "先到企业", 2024, 100, 30_000_000));
        }
        csv(file + TestData.creditCode() + ",\"没有结束的引号,371502,,2024,1,1,,,\n", "mode=partial").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        city().get("/api/v1/enterprises/" + codes.get(0)).then().statusCode(404);
        city().get("/api/v1/enterprises/" + codes.get(2099)).then().statusCode(404);

        // valid UTF-8 for 2,100 rows, then a line in GBK
        byte[] head = file.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = (TestData.creditCode() + ",聊城轴承,371502,,2024,1,1,,,\n").getBytes(Charset.forName("GBK"));
        byte[] mixed = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, mixed, head.length, tail.length);
        EnterpriseImportTest.post("text/csv", mixed, "mode=partial").statusCode(400).body("detail", containsString("charset=GBK"));
        city().get("/api/v1/enterprises/" + codes.get(0)).then().statusCode(404);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
