package cn.liaocheng.rdcoverage.common;

/** Strong entity tags from the entity version, and the If-Match check (RFC 9110 13.1.1). */
public final class ETags {
    private ETags() {
    }

    /** The entity tag to hand to {@code Response.tag(...)}. */
    public static jakarta.ws.rs.core.EntityTag tag(long version) {
        return new jakarta.ws.rs.core.EntityTag(Long.toString(version));
    }

    /**
     * 200 with the view as body and its version as ETag, typed: the contract shows the view as the answer without an
     * {@code @APIResponse} of its own.
     */
    public static <V extends Versioned> org.jboss.resteasy.reactive.RestResponse<V> view(V view) {
        return org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.ok(view).tag(tag(view.version())).build();
    }

    /** The same as a plain Response, for the actions that answer through {@link Idempotency}. */
    public static jakarta.ws.rs.core.Response ok(Versioned view) {
        return jakarta.ws.rs.core.Response.ok(view).tag(tag(view.version())).build();
    }

    /** 201 with the view as body, its version as ETag and the location the function gives for it. */
    public static <V extends Versioned> jakarta.ws.rs.core.Response created(V view, java.util.function.Function<V, java.net.URI> location) {
        return jakarta.ws.rs.core.Response.created(location.apply(view)).tag(tag(view.version())).entity(view).build();
    }

    /**
     * The answer of a PUT that creates or replaces what its URI names (RFC 9110 9.3.4): 201 with Location {@code self}
     * when it created, else 200; the view as body, with its version as ETag when it is {@link Versioned}.
     */
    public static jakarta.ws.rs.core.Response put(boolean created, Object view, java.net.URI self) {
        jakarta.ws.rs.core.Response.ResponseBuilder answer = created ? jakarta.ws.rs.core.Response.created(self)
                : jakarta.ws.rs.core.Response.ok();
        // a view with a version column is tagged by it; any other by its content, as its GET is
        answer.tag(view instanceof Versioned versioned ? tag(versioned.version()) : ofContent(view));
        return answer.entity(view).build();
    }

    /**
     * A strong tag for a resource without a version column: a digest of its value (records print every component),
     * so it changes whenever what is served changes.
     */
    public static jakarta.ws.rs.core.EntityTag ofContent(Object value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new jakarta.ws.rs.core.EntityTag("c" + java.util.HexFormat.of().formatHex(digest, 0, 12));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * For deletes (issue #19): If-Match is required (428 without it; "*" is accepted) and must name the current
     * version (412 otherwise).
     */
    public static void requireIfMatch(String ifMatch, long currentVersion, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired("Deleting " + what + " needs If-Match with its current ETag "
                    + of(currentVersion) + " (read it first), so that nobody deletes a version they have not seen");
        }
        checkIfMatch(ifMatch, currentVersion);
    }

    /**
     * Throws 412 when If-Match is present and names none of the current content tag ({@link #ofContent}; null: the
     * resource does not exist yet, which only a missing If-Match may create).
     */
    public static void checkIfMatch(String ifMatch, jakarta.ws.rs.core.EntityTag current) {
        checkIfMatchTag(ifMatch, current == null ? null : current.toString());
    }

    /** Throws 412 when If-Match is present and names none of the current version. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        checkIfMatchTag(ifMatch, of(currentVersion));
    }

    /** 412 unless If-Match is absent, or names {@code current} (a quoted tag; null: none exists) or is {@code *} for one. */
    private static void checkIfMatchTag(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (current != null && (tag.equals("*") || tag.equals(current))) {
                return;
            }
        }
        throw ApiException.preconditionFailed("If-Match " + ifMatch.trim() + " does not match the current version "
                + (current == null ? "(none: it does not exist yet)" : current) + "; read the resource again and retry");
    }
}
