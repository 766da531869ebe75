package cn.liaocheng.rdcoverage.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/** The one clock of the service (Asia/Shanghai calendar dates); tests may replace it. */
@ApplicationScoped
public class Clocks {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @ApplicationScoped
    Clock clock() {
        // microseconds, as datetime(6) stores them: a response (and a feed event) shows the instant a later GET reads
        return Clock.tick(Clock.system(ZONE), java.time.Duration.ofNanos(1000));
    }
}
