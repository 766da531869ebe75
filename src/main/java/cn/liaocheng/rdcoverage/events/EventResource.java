package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
@RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE,
        Role.Names.PROVINCE, Role.Names.ADMIN})
public class EventResource {
    @Inject EventFeed feed;

    @GET
    @Operation(operationId = "listEvents", summary = "The change feed: every change the caller may see, in one total order",
            description = "Follow it by always asking after={next}: no event is skipped or repeated, also across instances. "
                    + "Without after the feed starts at the oldest retained event. A cursor older than the retention period "
                    + "is 410 (re-sync from the lists); one beyond the end of the feed, never handed out, is 400 naming after. data is the resource as its GET showed it; a deletion is a tombstone.")
    @APIResponse(responseCode = "200", description = "One page of events in feed order; next is the cursor to ask after",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedPage.class)))
    @APIResponse(responseCode = "410", description = "cursor-expired: after is older than the retention period; re-sync from "
            + "the lists, then follow the feed from oldestCursor",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public FeedPage list(@Parameter(description = "a cursor: next of the previous page") @QueryParam("after") String after,
                         @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") Integer limit,
                         @Parameter(description = "comma-separated event types, e.g. enterprise.updated,award.approved")
                         @QueryParam("types") String types) {
        return feed.read(after, limit, types);
    }

    @GET
    @Path("/head")
    @Operation(operationId = "getEventsHead", summary = "Where the feed ends now, as a page without items",
            description = "Take it before re-syncing from the lists, then follow the feed with after={next}: nothing "
                    + "that changes during the re-sync is missed.")
    public FeedPage head() {
        return feed.head();
    }
}
