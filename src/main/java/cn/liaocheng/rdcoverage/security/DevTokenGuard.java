package cn.liaocheng.rdcoverage.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refuses to start the packaged (production) application with development tokens switched on. */
@ApplicationScoped
public class DevTokenGuard {
    @jakarta.inject.Inject cn.liaocheng.rdcoverage.common.RdConfig rd;

    void onStart(@Observes StartupEvent event) {
        check(LaunchMode.current(), rd.devTokens().enabled());
    }

    static void check(LaunchMode mode, boolean devTokensEnabled) {
        if (devTokensEnabled && mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("rd.dev-tokens.enabled is on in production: anyone could mint tokens. "
                    + "Switch it off; development tokens exist only for quarkus:dev and tests.");
        }
    }
}
