package cn.liaocheng.rdcoverage.common;

import java.util.List;
import java.util.Locale;

/**
 * Every list response: the items of one page and where that page stands. Items that carry texts for people
 * ({@link Localisable}, such as an award's basis) are served in the client's language.
 */
public record PageResult<T>(List<T> items, int page, int size, long total) implements Localisable {
    /** A list served whole (an institution's designations, an audit trail): one page 0 holding every item. */
    public static <T> PageResult<T> all(List<T> items) {
        return new PageResult<>(items, 0, items.size(), items.size());
    }

    /** This page with each {@link Localisable} item in {@code locale}; a page of other items as it is. */
    @Override
    public PageResult<?> in(Locale locale) {
        if (items.isEmpty() || !(items.get(0) instanceof Localisable)) {
            return this;
        }
        return new PageResult<>(items.stream().map(i -> ((Localisable) i).in(locale)).toList(), page, size, total);
    }
}
