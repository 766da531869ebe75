package cn.liaocheng.rdcoverage;

import cn.liaocheng.rdcoverage.enterprise.CreditCode;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;

import java.util.concurrent.atomic.AtomicLong;

/** Valid, unique credit codes for tests that share one database. */
public final class TestData {
    /** Sends the Content-Type exactly as given (REST Assured otherwise appends charset=ISO-8859-1 to text types). */
    public static final RestAssuredConfig RAW_CHARSET = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 9_000_000L);

    private TestData() {
    }

    /** A valid code whose region digits are {@code regionCode}, e.g. 91371502MA + 7 digits + check. */
    public static String creditCode(String regionCode) {
        String first17 = "91" + regionCode + "MA" + String.format("%07d", NEXT.incrementAndGet() % 10_000_000L);
        return first17 + CreditCode.checkCharacter(first17);
    }

    public static String creditCode() {
        return creditCode("371502");
    }
}
