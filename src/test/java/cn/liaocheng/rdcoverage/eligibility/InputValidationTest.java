package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What evaluate refuses: missing arguments and facts that cannot be classified. */
class InputValidationTest {

    private static String rejected(Facts facts) {
        return assertThrows(IllegalArgumentException.class,
                () -> Eligibility.evaluate(facts, Fixtures.policy(), Fixtures.AS_OF)).getMessage();
    }

    @Test
    void argumentsAreRequired() {
        Facts facts = Fixtures.single(Fixtures.designParticipant(), Fixtures.designCapacity());
        assertThrows(IllegalArgumentException.class, () -> Eligibility.evaluate(null, Fixtures.policy(), Fixtures.AS_OF));
        assertThrows(IllegalArgumentException.class, () -> Eligibility.evaluate(facts, null, Fixtures.AS_OF));
        assertThrows(IllegalArgumentException.class, () -> Eligibility.evaluate(facts, Fixtures.policy(), null));
    }

    @Test
    void buildModeIsRequired() {
        assertEquals("buildMode is required",
                rejected(new Facts(null, List.of(Fixtures.designParticipant()), null, null, null, null)));
    }

    @Test
    void participantFiguresAreRequired() {
        assertEquals("participants[1].revenue is required", rejected(new Facts(BuildMode.JOINT,
                List.of(Fixtures.designParticipant(), new Participant(Fixtures.B, 10, null, null, false)),
                null, null, null, null)));
        assertEquals("participants[0].creditCode is required", rejected(new Facts(BuildMode.SINGLE,
                List.of(new Participant(" ", 10, BigDecimal.ONE, null, false)), null, null, null, null)));
        assertEquals("participants[0] figures must not be negative", rejected(new Facts(BuildMode.SINGLE,
                List.of(new Participant(Fixtures.A, -1, BigDecimal.ONE, null, false)), null, null, null, null)));
    }

    @Test
    void nullListElementsAreRejected() {
        List<Participant> participants = Arrays.asList(Fixtures.designParticipant(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Facts(BuildMode.JOINT, participants, null, null, null, null));
        assertEquals("participants[1] must not be null", e.getMessage());
    }

    @Test
    void factsAreCopied() {
        List<Participant> participants = new ArrayList<>(List.of(Fixtures.designParticipant()));
        Facts facts = new Facts(BuildMode.SINGLE, participants, null, null, null, null);
        participants.clear();
        assertEquals(1, facts.participants().size());
        assertThrows(UnsupportedOperationException.class, () -> facts.participants().clear());
    }

    @Test
    void manyParticipantsAreDeduplicatedToo() {
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            participants.add(new Participant("CODE" + (i % 20), 100, Fixtures.yuan(25_000_000), null, false));
        }
        Facts facts = new Facts(BuildMode.JOINT, participants, Fixtures.largeCapacity(), null, null, null);
        Result result = Eligibility.evaluate(facts, Fixtures.policy(), Fixtures.AS_OF);
        assertEquals(20, result.participants().size());
        assertEquals(20, Fixtures.criterion(result, CriterionCode.PARTICIPANT_COUNT).actual());
        assertEquals("CODE19", result.participants().get(19).creditCode());
    }
}
