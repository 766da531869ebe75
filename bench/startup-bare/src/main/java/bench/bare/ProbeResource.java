package bench.bare;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** One endpoint, behind a bearer token like the service's. */
@Path("/api/v1/probe")
public class ProbeResource {
    @GET
    @RolesAllowed("CITY_OFFICER")
    public long count() {
        return Probe.count();
    }
}
