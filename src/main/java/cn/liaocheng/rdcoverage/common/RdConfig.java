package cn.liaocheng.rdcoverage.common;

import cn.liaocheng.rdcoverage.events.EventsConfig;
import cn.liaocheng.rdcoverage.webhook.WebhookConfig;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code rd.*} setting of the service, typed, with its default (issue 15): inject {@code RdConfig} and read the
 * group of your feature, never {@code @ConfigProperty} or {@code ConfigProvider} for an {@code rd.*} key. The property
 * names are those of application.properties and of the deploy/k8s ConfigMap (an environment variable {@code RD_X_Y}
 * sets {@code rd.x-y}). Durations take {@code 24H}, {@code 5M}, {@code 90d} or ISO-8601 ({@code PT10S}); sizes take
 * {@code 1M}, {@code 20M} (bytes, binary multiples).
 *
 * <p>The scheduler periods are read by their {@code @Scheduled} expressions as well ({@code rd.policy.refresh-every},
 * {@code rd.idempotency.cleanup-every}, {@code rd.snapshots.cron}, {@code rd.events.sequence-every},
 * {@code rd.events.retention-cron}, {@code rd.webhooks.poll-every}); they are listed here so that this interface names
 * them all. The keys {@code rd.dev.jwt.*} are not settings: the
 * development key pair generated at start-up ({@code security/DevKeys}).
 *
 * <p>{@code @StaticInitSafe}: the request filters ({@code BodyLimits}, {@code DevTokensOff}) are built during static
 * initialisation, where the {@code @ConfigProperty} fields before this mapping were read too (JVM mode: the same
 * sources as at run time).
 */
@StaticInitSafe
@ConfigMapping(prefix = "rd")
public interface RdConfig {

    /** rd.auth.*: how an OIDC provider's token is read (security/TokenMapping; README "Tokens from an OIDC provider"). */
    AuthSettings auth();

    /** rd.jwt.cache.*: verified tokens remembered (security/VerifiedTokenCache). */
    JwtSettings jwt();

    /** rd.dev-tokens.*: POST /api/v1/dev/tokens (quarkus:dev and tests only). */
    DevTokenSettings devTokens();

    /** rd.body-limit: the largest request body except on {@code @LargeBody} endpoints (bytes; 413 above it; common/BodyLimits). */
    @WithDefault("1M")
    MemorySize bodyLimit();

    /** rd.limits.*: the request line and headers (414/431 above them; common/RequestHeadLimits). */
    LimitSettings limits();

    /** rd.rate-limit.*: per-caller request budgets (429 above them; security/RateLimits). */
    RateLimitSettings rateLimit();

    /** rd.idempotency.*: Idempotency-Key answers (common/Idempotency). */
    IdempotencySettings idempotency();

    /** rd.batch.*: non-atomic batch transitions (common/Batches). */
    BatchSettings batch();

    /** rd.problems.*: problem+json texts (common/ProblemLanguage). */
    ProblemSettings problems();

    /** rd.import.*: enterprise imports (enterprise/importing/EnterpriseImporter). */
    @WithName("import")
    ImportSettings importing();

    /** rd.attachments.*: application materials (review/material). */
    AttachmentSettings attachments();

    /** rd.decisions.*: recognition and rejection decisions (review/ApplicationLifecycle). */
    DecisionSettings decisions();

    /** rd.rounds.*: review rounds (review/RoundService). */
    RoundSettings rounds();

    /** rd.historic-register.*: the range of recognition dates of the historic register (institution/HistoricEntries). */
    HistoricRegisterSettings historicRegister();

    /** rd.awards.*: programme parameters of awards (award/AwardProposals; docs/domain.md section 9). */
    AwardSettings awards();

    /** rd.snapshots.*: the monthly coverage snapshots (coverage/SnapshotJob, coverage/SnapshotService). */
    SnapshotSettings snapshots();

    /** rd.policy.*: the policy cache (policy/Policies). */
    PolicySettings policy();

    /** rd.schema-check.*: the start-up comparison of the schema with the changelog (ops/SchemaCheck). */
    SchemaCheckSettings schemaCheck();

    /** rd.events.*: the change feed (events package). */
    EventsConfig events();

    /** rd.webhooks.*: deliveries of the change feed to subscribers (webhook package). */
    WebhookConfig webhooks();

    interface AuthSettings {
        /** The audience a token must name in one of {@link #audienceClaims()}; absent: not checked. Env JWT_AUDIENCE. */
        Optional<String> audience();

        /** Claims searched for the audience, in order. Env JWT_AUDIENCE_CLAIMS. */
        @WithDefault("aud,azp")
        List<String> audienceClaims();

        /** Claims holding the role names, in order (a dotted name reads a nested claim). Env JWT_ROLE_CLAIMS. */
        @WithDefault("groups,realm_access.roles")
        List<String> roleClaims();

        /**
         * rd.auth.scope-claims.&lt;ROLE&gt;: the claim carrying the scope of a role (COUNTY_OFFICER: the region code,
         * ENTERPRISE: the credit code, ASSESSOR, SUPERVISOR: the ids); a role not listed, or listed empty, has none.
         */
        Map<String, Optional<String>> scopeClaims();
    }

    interface JwtSettings {
        /** rd.jwt.cache.*. */
        JwtCacheSettings cache();
    }

    interface JwtCacheSettings {
        /** Verified tokens kept (entries); 0 switches the cache off. */
        @WithDefault("5000")
        int maxEntries();

        /** The longest a verified token is remembered, shorter when it expires earlier. */
        @WithDefault("5M")
        Duration maxAge();
    }

    interface DevTokenSettings {
        /** Development tokens on; required (application.properties: false, true in %dev and %test); production refuses true. */
        boolean enabled();
    }

    interface LimitSettings {
        /** The longest request line (characters); 414 above it. */
        @WithDefault("8192")
        int maxUriLength();

        /** The largest sum of header names and values (bytes); 431 above it. */
        @WithDefault("32768")
        int maxHeaderSize();
    }

    interface RateLimitSettings {
        /** Imports per caller per minute for the whole deployment; 0 switches the limit off. */
        @WithDefault("30")
        int importsPerMinute();

        /** What-if assessments per caller per minute for the whole deployment; 0 switches the limit off. */
        @WithDefault("600")
        int assessmentsPerMinute();

        /** The largest number of instances sharing the budgets (each gets ceil(budget / instances)); at least 1. */
        @WithDefault("1")
        int instances();
    }

    interface IdempotencySettings {
        /** How long an answer is replayed for the same key. Env RD_IDEMPOTENCY_TTL. */
        @WithDefault("24H")
        Duration ttl();

        /** How often expired answers are deleted (read by the {@code @Scheduled} expression). */
        @WithDefault("1h")
        String cleanupEvery();
    }

    interface BatchSettings {
        /** Items per transaction of a non-atomic batch (1 = a transaction per item). Env RD_BATCH_CHUNK_SIZE. */
        @WithDefault("50")
        int chunkSize();
    }

    interface ProblemSettings {
        /** The language of problems when the request asks for none: a tag starting with "en" is English, else Chinese. */
        @WithDefault("zh-CN")
        String defaultLanguage();
    }

    interface ImportSettings {
        /** Rows per chunk of an import: validated a chunk ahead, one multi-row INSERT per table and chunk. */
        @WithDefault("1000")
        int chunkSize();

        /** The transaction timeout of one import (seconds). */
        @WithDefault("3600")
        int transactionTimeout();
    }

    interface AttachmentSettings {
        /** The largest attachment (bytes); 413 above it. */
        @WithDefault("20M")
        MemorySize maxSize();

        /** Attachments per application at most. */
        @WithDefault("30")
        int maxCount();
    }

    interface DecisionSettings {
        /** A decidedOn more than this many days before today needs a reason (days). */
        @WithDefault("30")
        int reasonAfterDays();
    }

    interface RoundSettings {
        /**
         * How far a round's opensOn and closesOn may lie outside the half-year its id names (days, 0 or more, on each
         * side): 0, the policy's rule (每年上半年和下半年各组织一次申报及审核), keeps 2026H1 within 2026-01-01 to 2026-06-30
         * and 2026H2 within 2026-07-01 to 2026-12-31. Tests raise it (application.properties, %test). Env
         * RD_ROUNDS_DAYS_OUTSIDE_HALF.
         */
        @WithDefault("0")
        int daysOutsideHalf();
    }

    interface HistoricRegisterSettings {
        /**
         * The earliest recognizedOn: the date of the policy (聊城市规模以上工业企业研发机构全覆盖行动方案, 2020-04-26); no
         * recognition under it can be older. Env RD_HISTORIC_REGISTER_FROM.
         */
        @WithDefault("2020-04-26")
        LocalDate from();

        /**
         * The latest recognizedOn: the day before the service went live (README: the register holds 2020–2025); later
         * recognitions are decided in a round. The policy does not name a go-live date. Env RD_HISTORIC_REGISTER_UNTIL.
         */
        @WithDefault("2025-12-31")
        LocalDate until();
    }

    interface AwardSettings {
        /** A recognition by override is paid its size class's tier only when true. Env RD_AWARDS_PAY_OVERRIDDEN. */
        @WithDefault("false")
        boolean payOverridden();
    }

    interface SnapshotSettings {
        /** When the monthly snapshot is taken (Quartz cron, "off" never); required (application.properties sets it). */
        String cron();

        /** The most missed periods (months) the snapshot job takes when it catches up. */
        @WithDefault("12")
        int catchUpMonths();

        /**
         * How long after start-up the job catches up (a duration): after the pod has become ready, not on the start-up
         * path, which its first HQL queries and reports would lengthen (issue #14).
         */
        @WithDefault("1m")
        Duration catchUpDelay();
    }

    interface PolicySettings {
        /** How often published policies are reloaded from the database (read by the {@code @Scheduled} expression). */
        @WithDefault("30s")
        String refreshEvery();
    }

    interface SchemaCheckSettings {
        /** At start-up, refuse to start when a changelog file the master changelog includes is not yet applied. */
        @WithDefault("true")
        boolean enabled();
    }

    /** The feature groups that their packages inject on their own ({@code @Inject WebhookConfig}), from this mapping. */
    @Dependent
    class Groups {
        @Produces
        EventsConfig events(RdConfig rd) {
            return rd.events();
        }

        @Produces
        WebhookConfig webhooks(RdConfig rd) {
            return rd.webhooks();
        }
    }
}
