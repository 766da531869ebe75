package cn.liaocheng.rdcoverage.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Batches of single-item transitions (applications, awards): every item goes through the same service method as
 * its single-item endpoint, so roles, scope, If-Match and the 409 rules are those of the single request.
 *
 * <ul>
 *     <li>{@code atomic: false}: a failing item leaves the others applied, and its problem is reported in its
 *     place. The items are applied in request order in chunks of {@code rd.batch.chunk-size} (default 50) per
 *     transaction: one commit (one redo-log flush, one audit revision, one feed-sequencer pass) per chunk instead of
 *     per item. When an item of a chunk fails, that chunk's transaction is rolled back and the items before the
 *     failing one are applied again in a transaction of their own (should one of them fail now, a concurrent change
 *     got in between, and the rest of them go one transaction per item); the failing item's problem is the one it
 *     met with everything before it applied, as it would have been item by item. So every item's outcome is the
 *     one the single-item request would have had in request order; what a client sees is only that a chunk's
 *     items become visible together.</li>
 *     <li>{@code atomic: true}: all items in one transaction, stopping at the first failure, which rolls back
 *     everything; the answer is then a 409 problem ({@code batch-not-applied}) that lists the items, the failing
 *     one with its own problem.</li>
 * </ul>
 */
@ApplicationScoped
public class Batches {
    /** At most this many items per request. */
    public static final int MAX_ITEMS = 500;

    @jakarta.inject.Inject Idempotency idempotency;

    /**
     * One item of a batch: the resource's id, its expected version (optional, as If-Match) and, unwrapped beside them,
     * the body of the single-item request; each endpoint names its subclass in the contract.
     */
    public abstract static class Item<T> {
        @NotBlank
        public String id;
        @Size(max = 100)
        public String ifMatch;
        @JsonUnwrapped
        @Valid
        @NotNull
        public T transition;
    }

    /** What one item became: its new status and entity tag (version). */
    public record Outcome(String status, long version) {
    }

    /** One item of the answer, in request order. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "BatchItemResult")
    public record ItemResult(int index, String id, @JsonInclude(JsonInclude.Include.NON_NULL) @org.eclipse.microprofile.openapi.annotations.media.Schema(extensions = @Extension(name = "x-optional", value = "true")) String status,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @org.eclipse.microprofile.openapi.annotations.media.Schema(extensions = @Extension(name = "x-optional", value = "true")) String etag, boolean applied,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @org.eclipse.microprofile.openapi.annotations.media.Schema(extensions = @Extension(name = "x-optional", value = "true")) Problem problem) {
    }

    /** The answer: how many items were applied and failed, and each item's result. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "BatchResult")
    public record Result(boolean atomic, int applied, int failed, List<ItemResult> items) implements Localisable {
        /** Each failed item's problem in {@code locale}, as a single request would have it (localised in place). */
        @Override
        public Result in(java.util.Locale locale) {
            ProblemLanguage.localiseItems(items, locale);
            return this;
        }
    }

    /** A batch endpoint's body: its items and whether they are applied all or nothing (null: not atomic). */
    public interface Request<I extends Item<?>> {
        List<I> items();

        Boolean atomic();
    }

    /**
     * A batch endpoint's answer: the items of {@code body} applied as {@link #run} does (an item's id is its
     * {@code id}), under the request's Idempotency-Key; 200 with the {@link Result}.
     */
    public <I extends Item<?>> jakarta.ws.rs.core.Response answer(String key, Request<I> body, Function<I, Outcome> apply) {
        return idempotency.run(key, body, () -> jakarta.ws.rs.core.Response.ok(
                run(body.items(), Boolean.TRUE.equals(body.atomic()), item -> item.id, apply)).build());
    }

    public <I> Result run(List<I> items, boolean atomic, Function<I, String> idOf, Function<I, Outcome> apply) {
        rejectDuplicates(items, idOf);
        return atomic ? all(items, idOf, apply) : each(items, idOf, apply);
    }

    /** Items per transaction of a non-atomic batch (1 = a transaction per item). */
    @jakarta.inject.Inject RdConfig rd;

    private <I> Result each(List<I> items, Function<I, String> idOf, Function<I, Outcome> apply) {
        ItemResult[] results = new ItemResult[items.size()];
        int size = Math.max(1, rd.batch().chunkSize());
        int i = 0;
        while (i < items.size()) {
            int end = Math.min(i + size, items.size());
            int failed = chunk(items, i, end, idOf, apply, results);
            if (failed < 0) {
                i = end;
                continue;
            }
            // items i..failed-1 were rolled back with the failing one: apply them again, together
            if (failed > i && chunk(items, i, failed, idOf, apply, results) >= 0) {
                for (int k = i; k < failed; k++) {
                    results[k] = single(items, k, idOf, apply);
                }
            }
            if (results[failed] == null) { // the chunk failed at commit, not at an item: that item on its own
                results[failed] = single(items, failed, idOf, apply);
            }
            i = failed + 1;
        }
        int applied = 0;
        for (ItemResult r : results) {
            applied += r.applied() ? 1 : 0;
        }
        return new Result(false, applied, items.size() - applied, List.of(results));
    }

    /**
     * Items from..to-1 in one new transaction. Returns -1 when it committed (their results set), else the index of
     * the item that failed (its problem set, the others' results cleared) — or {@code from} with no result set when
     * the commit itself failed.
     */
    private <I> int chunk(List<I> items, int from, int to, Function<I, String> idOf, Function<I, Outcome> apply,
                          ItemResult[] results) {
        if (to - from == 1) {
            results[from] = single(items, from, idOf, apply);
            return results[from].applied() ? -1 : from;
        }
        int[] at = {from};
        Problem[] problem = {null};
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int k = from; k < to; k++) {
                    at[0] = k;
                    I item = items.get(k);
                    Outcome o;
                    try {
                        o = apply.apply(item);
                    } catch (RuntimeException e) {
                        problem[0] = problemOf(e);
                        throw new Abort();
                    }
                    results[k] = new ItemResult(k, idOf.apply(item), o.status(), ETags.of(o.version()), true, null);
                }
            });
            return -1;
        } catch (RuntimeException e) {
            java.util.Arrays.fill(results, from, to, null);
            if (problem[0] == null) {
                return from; // the commit failed: nothing of the chunk is applied, and no item is to blame yet
            }
            results[at[0]] = new ItemResult(at[0], idOf.apply(items.get(at[0])), null, null, false, problem[0]);
            return at[0];
        }
    }

    /** One item in a transaction of its own. */
    private <I> ItemResult single(List<I> items, int k, Function<I, String> idOf, Function<I, Outcome> apply) {
        I item = items.get(k);
        try {
            Outcome o = QuarkusTransaction.requiringNew().call(() -> apply.apply(item));
            return new ItemResult(k, idOf.apply(item), o.status(), ETags.of(o.version()), true, null);
        } catch (RuntimeException e) {
            return new ItemResult(k, idOf.apply(item), null, null, false, problemOf(e));
        }
    }

    private <I> Result all(List<I> items, Function<I, String> idOf, Function<I, Outcome> apply) {
        List<ItemResult> results = new ArrayList<>(items.size());
        int[] failedAt = {-1};
        Problem[] failure = {null};
        try {
            QuarkusTransaction.joiningExisting().run(() -> {
                for (int i = 0; i < items.size(); i++) {
                    I item = items.get(i);
                    Outcome o;
                    try {
                        o = apply.apply(item);
                    } catch (RuntimeException e) {
                        failedAt[0] = i;
                        failure[0] = problemOf(e);
                        throw new Abort();
                    }
                    results.add(new ItemResult(i, idOf.apply(item), o.status(), ETags.of(o.version()), true, null));
                }
            });
        } catch (Abort abort) {
            List<ItemResult> listed = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                listed.add(new ItemResult(i, idOf.apply(items.get(i)), null, null, false, i == failedAt[0] ? failure[0] : null));
            }
            throw new ApiException(409, "batch-not-applied", "Conflict", "Item " + failedAt[0] + " ("
                    + idOf.apply(items.get(failedAt[0])) + ") failed: " + failure[0].detail
                    + "; the batch is atomic, so nothing was applied", null,
                    Map.of("failedIndex", failedAt[0], "items", listed)).zh("detail.batch-not-applied", failedAt[0], idOf.apply(items.get(failedAt[0])), ProblemLanguage.title(failure[0].slug(), ProblemLanguage.CHINESE));
        }
        return new Result(true, results.size(), 0, results);
    }

    /** An item's ifMatch as an If-Match header value: a bare version is taken as well as the quoted tag. */
    public static String ifMatch(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.trim();
        return t.startsWith("\"") || t.equals("*") ? t : "\"" + t + "\"";
    }

    /** The same object twice in one batch is a client error (the second would race the first). */
    private static <I> void rejectDuplicates(List<I> items, Function<I, String> idOf) {
        Map<String, Integer> seen = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String id = idOf.apply(items.get(i));
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                errors.add(new Problem.FieldError("items[" + i + "].id", "repeats items[" + first + "]; one transition per object and batch")
                        .zh("field.DUPLICATE.batch-item", first));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** The problem the single-item request would have answered. */
    static Problem problemOf(RuntimeException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api.toProblem();
            }
        }
        Object entity = new ProblemMappers().internal(e).getEntity();
        return entity instanceof Problem p ? p : new Problem(Problems.type("internal"), "Internal error", 500, null, null);
    }

    /** Unwinds the atomic batch's transaction (rolled back) after the first failing item. */
    private static final class Abort extends RuntimeException {
        Abort() {
            super(null, null, false, false);
        }
    }
}
