package cn.liaocheng.rdcoverage.common;

import jakarta.ws.rs.QueryParam;

/**
 * The sync filter every list filter takes ({@code extends SyncFilter}): {@code updatedSince}, an ISO-8601 instant
 * with offset or a date (Asia/Shanghai), for only the rows changed at or after it. The list query applies it with
 * {@link Where#updatedSince} (a 400 naming updatedSince when it is neither); the contract describes it once
 * ({@code OpenApiOperations}).
 */
public abstract class SyncFilter {
    @QueryParam("updatedSince")
    public String updatedSince;
}
