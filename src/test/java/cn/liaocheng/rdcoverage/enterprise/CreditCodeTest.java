package cn.liaocheng.rdcoverage.enterprise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreditCodeTest {
    @ParameterizedTest(name = "{0} is valid")
    @CsvSource({
            // published codes of real organisations (GB 32100-2015 check character holds)
            "91350100M000100Y43",
            "91110000600037341L"
    })
    void acceptsPublishedCodes(String code) {
        assertNull(CreditCode.problem(code), () -> String.valueOf(CreditCode.problem(code)));
    }

    @Test
    void rejectsAWrongCheckCharacterAndSaysWhichItShouldBe() {
        String problem = CreditCode.problem("91350100M000100Y44").english();
        assertEquals("check character is '4' but must be '3' (GB 32100-2015)", problem);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "91350100M000100Y4|must be 18 characters (GB 32100-2015), got 17",
            "91350100I000100Y43|character 9 'I' is not allowed (0-9, A-H, J-N, P-R, T-U, W-Y)",
            "9135010OM000100Y43|character 8 'O' is not allowed (0-9, A-H, J-N, P-R, T-U, W-Y)",
            "91350100S000100Y43|character 9 'S' is not allowed (0-9, A-H, J-N, P-R, T-U, W-Y)"
    })
    void explainsWhatIsWrong(String code, String expected) {
        assertEquals(expected, CreditCode.problem(code).english());
    }

    @Test
    void normalisesLowerCase() {
        assertTrue(CreditCode.isValid(CreditCode.normalise(" 91350100m000100y43 ")));
    }

    @Test
    void checkValueOf31MeansZero() {
        // search a code whose weighted sum is a multiple of 31: its check character must be '0'
        for (int i = 0; i < 100_000; i++) {
            String first17 = String.format("91371502MA%07d", i);
            char check = CreditCode.checkCharacter(first17);
            assertTrue(CreditCode.isValid(first17 + check));
            if (check == '0') {
                return;
            }
        }
        throw new AssertionError("no code with check value 31 found");
    }
}
