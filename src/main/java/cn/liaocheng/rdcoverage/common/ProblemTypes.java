package cn.liaocheng.rdcoverage.common;

import java.util.List;

/**
 * The catalogue of problem types ({@code type} = {@code /problems/<slug>}), published in the contract under
 * {@code components.schemas.Problem.x-problem-types}. Titles in each language are in the ProblemMessages bundles
 * ({@code title.<slug>}). A new kind of problem gets a line here and a title in both bundles (ProblemCatalogueTest).
 */
public final class ProblemTypes {
    /** One kind of problem: slug, HTTP status, and when it happens. */
    public record Type(String slug, int status, String when) {
        public String uri() {
            return Problems.type(slug);
        }
    }

    public static final List<Type> ALL = List.of(
            new Type("validation", 400, "A body field, query parameter or header is invalid; errors[] names each field with a code"),
            new Type("bad-request", 400, "The request cannot be read at all"),
            new Type("import-file", 400, "An imported file cannot be read (encoding, header, shape)"),
            new Type("unauthorized", 401, "No bearer token, or an expired or untrusted one"),
            new Type("forbidden", 403, "The caller's role or scope may not take this action"),
            new Type("not-found", 404, "No such resource, or it lies outside the caller's scope"),
            new Type("method-not-allowed", 405, "The method is not allowed on this path (Allow lists those that are)"),
            new Type("not-acceptable", 406, "None of the Accept media types can be produced"),
            new Type("conflict", 409, "The change conflicts with existing data"),
            new Type("referenced", 409, "Other records refer to this one (or it refers to one that does not exist); change or remove those first"),
            new Type("enterprise-in-use", 409, "The enterprise takes part in institutions (institutionIds); remove it from them first"),
            new Type("import-conflict", 409, "Another import or change wrote the same enterprises at the same time; send the file again"),
            new Type("institution-frozen", 409, "Build mode, participants and declared capacity are frozen while under review or recognised; a city officer corrects them with a reason"),
            new Type("consent-pending", 409, "A JOINT participant has not yet confirmed that it takes part"),
            new Type("duplicate", 409, "A resource with the same key already exists"),
            new Type("concurrent-modification", 409, "Another request changed the resource at the same time; read and retry"),
            new Type("illegal-transition", 409, "The action is not allowed in the resource's current status (allowedActions lists those that are)"),
            new Type("round-not-open", 409, "The review round is not open for this"),
            new Type("round-not-yet-open", 409, "The round's calendar has not reached opensOn (or the review stage) yet"),
            new Type("round-closed-for-applications", 409, "The round's closesOn has passed: no more applications or submissions"),
            new Type("duplicate-application", 409, "The institution already has a live application in the round"),
            new Type("application-not-under-assessment", 409, "Inspections are assigned only to applications under assessment"),
            new Type("inspection-concluded", 409, "A concluded inspection is read-only"),
            new Type("inspection-cancelled", 409, "A cancelled inspection is read-only"),
            new Type("inspection-open", 409, "An on-site inspection is still ASSIGNED: it concludes, or the city cancels it, before RECOGNIZE"),
            new Type("institution-recognized", 409, "A recognised institution can no longer be changed or removed this way"),
            new Type("institution-revoked", 409, "The institution was revoked"),
            new Type("historic-register-loaded", 409, "Entries of the historic register are already stored (it is loaded once); nothing was stored"),
            new Type("institution-declared", 409, "The institution is only declared (not recognised) for this"),
            new Type("not-recognized", 409, "The institution is not recognised"),
            new Type("institution-not-recognized", 409, "A manual award proposal names an institution the city has not recognised"),
            new Type("already-awarded", 409, "The enterprise already has an award of this program (不重复支持; awardId names it)"),
            new Type("already-revoked", 409, "The designation was already revoked"),
            new Type("policy-locked", 409, "A stored decision used this policy version; publish a new one instead"),
            new Type("batch-not-applied", 409, "An item of an atomic batch failed, so no item was applied (items[] names the failing one)"),
            new Type("materials-frozen", 409, "The application's materials are frozen from SUBMIT on; they change only while DRAFT or RETURNED"),
            new Type("too-many-attachments", 409, "The application already carries the most attachments it may have (rd.attachments.max-count)"),
            new Type("idempotency-in-progress", 409, "A request with this Idempotency-Key is still being processed"),
            new Type("cursor-expired", 410, "A change-feed cursor is older than the retention period; re-sync from the lists, then follow the feed from oldestCursor"),
            new Type("length-required", 411, "This endpoint needs a Content-Length"),
            new Type("precondition-failed", 412, "If-Match does not name the current ETag; read the resource again"),
            new Type("precondition-required", 428, "This change (a delete) needs If-Match with the current ETag; read the resource first"),
            new Type("payload-too-large", 413, "The body is larger than this endpoint accepts"),
            new Type("unsupported-media-type", 415, "The Content-Type is not accepted here"),
            new Type("import-rejected", 422, "Rows of an all-or-nothing import were rejected; nothing was written"),
            new Type("materials-missing", 422, "SUBMIT without a material kind the policy requires for the build mode (missingKinds names them)"),
            new Type("no-policy-in-force", 422, "No policy version was in force on the date"),
            new Type("capacity-missing", 422, "No capacity is declared for the year the decision needs"),
            new Type("not-qualified", 422, "The institution does not meet the construction standard"),
            new Type("no-figures", 422, "A participant has no yearly figures for the year needed"),
            new Type("no-county-policy", 422, "The county has no award policy in force on the date"),
            new Type("future-snapshot", 422, "A snapshot cannot be taken as of a date after today (its figures would still change)"),
            new Type("idempotency-key-reused", 422, "The Idempotency-Key was used before with a different request"),
            new Type("too-many-requests", 429, "The caller's rate limit is exhausted (Retry-After says when to retry)"),
            new Type("internal", 500, "The service failed; the incident id is logged"),
            new Type("database-unavailable", 503, "The database cannot be reached; retry after Retry-After seconds"),
            new Type("service-unavailable", 503, "The service cannot take the request now (Retry-After when known)"),
            new Type("webhook-secret-key-missing", 503, "A webhook subscription cannot be created: the service has no key "
                    + "to encrypt its signing secret (rd.webhooks.secret-keys); an operator must set one"));

    private ProblemTypes() {
    }
}
