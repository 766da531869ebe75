package cn.liaocheng.rdcoverage.common;

/**
 * A view that carries the version of what it shows (the entity's optimistic-lock counter), so that its answer can be
 * tagged with it ({@link ETags#ok}, {@link ETags#created}) and an If-Match checked against it.
 */
public interface Versioned {
    /** The entity version; the strong ETag is its decimal digits in quotes. */
    long version();
}
