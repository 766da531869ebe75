package cn.liaocheng.rdcoverage.common;

import java.util.List;

/** Every list response: the items of one page and where that page stands. */
public record PageResult<T>(List<T> items, int page, int size, long total) {
    /** A list served whole (an institution's designations, an audit trail): one page 0 holding every item. */
    public static <T> PageResult<T> all(List<T> items) {
        return new PageResult<>(items, 0, items.size(), items.size());
    }
}
