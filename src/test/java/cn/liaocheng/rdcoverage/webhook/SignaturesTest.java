package cn.liaocheng.rdcoverage.webhook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Signatures} against the test vector of the Standard Webhooks reference libraries (secret, message id,
 * timestamp and payload below; the expected signature is the one those libraries' tests assert, copied by hand).
 */
class SignaturesTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330L;
    static final String PAYLOAD = "{\"test\": 2432232314}";

    @Test
    void theReferenceVectorSignsToTheReferenceSignature() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Signatures.sign(SECRET, ID, TIMESTAMP, PAYLOAD));
    }

    @Test
    void anotherTimestampOrBodySignsDifferently() {
        String reference = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertNotEquals(reference, Signatures.sign(SECRET, ID, TIMESTAMP + 1, PAYLOAD));
        assertNotEquals(reference, Signatures.sign(SECRET, ID, TIMESTAMP, PAYLOAD + " "));
    }

    @Test
    void newSecretsAreWhsecAnd24RandomBytes() {
        String a = Signatures.newSecret();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(24, java.util.Base64.getDecoder().decode(a.substring(6)).length);
        assertNotEquals(a, Signatures.newSecret());
    }
}
