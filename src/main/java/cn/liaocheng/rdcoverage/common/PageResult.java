package cn.liaocheng.rdcoverage.common;

import java.util.List;

/** Every list response: the items of one page and where that page stands. */
public record PageResult<T>(List<T> items, int page, int size, long total) {
}
