package cn.liaocheng.rdcoverage.common;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

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
