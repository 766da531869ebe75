package cn.liaocheng.rdcoverage.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.function.Function;

/** Paging and sorting parameters shared by every list: {@code ?page=0&size=50&sort=name,-updatedAt}. */
public class PageQuery {
    public static final int MAX_SIZE = 500;

    @QueryParam("page")
    @DefaultValue("0")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    public int size;

    @QueryParam("sort")
    public String sort;

    /**
     * This page of {@code query} (a Panache query with its order), each row as {@code view}, and the total: every row the
     * query matches, counted by Hibernate without the order and the page.
     */
    public <E, V> PageResult<V> of(PanacheQuery<E> query, Function<? super E, V> view) {
        return ofRows(query, rows -> rows.stream().<V>map(view).toList());
    }

    /** The same with the page's rows turned into views together (one query for the children of all of them). */
    public <E, V> PageResult<V> ofRows(PanacheQuery<E> query, Function<List<E>, List<V>> views) {
        List<E> rows = query.page(Page.of(page, size)).list();
        return new PageResult<>(views.apply(rows), page, size, query.count());
    }

    public void validate() {
        if (page < 0) {
            throw ApiException.invalid("page", FieldMessage.of("must be 0 or more", "field.OUT_OF_RANGE.page", page));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.invalid("size", FieldMessage.of("must be between 1 and " + MAX_SIZE, "field.OUT_OF_RANGE.size", size, MAX_SIZE));
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ApiException.invalid("page", FieldMessage.of("page × size must not exceed " + Integer.MAX_VALUE,
                    "field.OUT_OF_RANGE.page-size", page, size, Integer.MAX_VALUE), FieldCodes.OUT_OF_RANGE);
        }
    }
}
