package cn.liaocheng.rdcoverage.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The one clock of the service (Asia/Shanghai calendar dates); tests may replace it. */
@ApplicationScoped
public class Clocks {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new MicrosecondClock(Clock.system(ZONE));
    }

    /**
     * Instants truncated to the microsecond, as datetime(6) stores them, so a response (and a feed event) shows the
     * instant a later GET reads. Not {@code Clock.tick(base, 1 µs)}: the JDK's tick clock divides by the tick in whole
     * milliseconds in {@code millis()}, which is zero for a sub-millisecond tick (ArithmeticException).
     */
    static final class MicrosecondClock extends Clock {
        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MicrosecondClock(base.withZone(zone));
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return base.millis();
        }
    }
}
