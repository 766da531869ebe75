package cn.liaocheng.rdcoverage.events;

import io.smallrye.config.WithDefault;

import java.time.Duration;

/** rd.events.*: the change feed; a group of {@link cn.liaocheng.rdcoverage.common.RdConfig}. */
public interface EventsConfig {
    /** How long events stay readable; a cursor older than that is answered with 410. */
    @WithDefault("90d")
    Duration retention();

    /** At most this many outbox rows get their position per sequencer pass. */
    @WithDefault("2000")
    int sequenceBatch();

    /** How often the sequencer looks for committed events besides the nudge after each commit. */
    @WithDefault("1s")
    String sequenceEvery();

    /** When the retention purge runs ("off" to never). */
    @WithDefault("0 30 3 * * ?")
    String retentionCron();
}
