package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Problem;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tokens for a newcomer's first minute with curl, in the embedded default (quarkus:dev) and in tests only.
 * Disabled (404) unless rd.dev-tokens.enabled; {@link DevTokenGuard} refuses to start production with it on.
 */
@Path("/api/v1/dev/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Development")
public class DevTokenResource {
    @jakarta.inject.Inject cn.liaocheng.rdcoverage.common.RdConfig rd;

    public record TokenRequest(@NotNull Role role, String regionCode, String creditCode, String assessorId, String subject,
                               String supervisorId) {
    }

    public record TokenResponse(String token) {
    }

    @POST
    @PermitAll
    @Operation(hidden = true, summary = "Development only: a signed bearer token for a role and scope (404 in production)")
    public TokenResponse issue(@Valid TokenRequest body) {
        if (!rd.devTokens().enabled()) {
            throw ApiException.notFound("Resource", "/api/v1/dev/tokens");
        }
        ApiException.requireBody(body);
        List<Problem.FieldError> errors = missingScopeClaim(body);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new TokenResponse(sign(body));
    }

    /** The scope claim the role needs (regionCode, creditCode, assessorId or supervisorId) when the request lacks it. */
    private static List<Problem.FieldError> missingScopeClaim(TokenRequest body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body.role() == Role.COUNTY_OFFICER && blank(body.regionCode())) {
            errors.add(new Problem.FieldError("regionCode", FieldMessage.of("is required for COUNTY_OFFICER", "field.REQUIRED.role-claim", "COUNTY_OFFICER")));
        }
        if (body.role() == Role.ENTERPRISE && blank(body.creditCode())) {
            errors.add(new Problem.FieldError("creditCode", FieldMessage.of("is required for ENTERPRISE", "field.REQUIRED.role-claim", "ENTERPRISE")));
        }
        if (body.role() == Role.ASSESSOR && blank(body.assessorId())) {
            errors.add(new Problem.FieldError("assessorId", FieldMessage.of("is required for ASSESSOR", "field.REQUIRED.role-claim", "ASSESSOR")));
        }
        if (body.role() == Role.SUPERVISOR && blank(body.supervisorId())) {
            errors.add(new Problem.FieldError("supervisorId", FieldMessage.of("is required for SUPERVISOR", "field.REQUIRED.role-claim", "SUPERVISOR")));
        }
        return errors;
    }

    /** The token: subject (dev-<role> by default), the role as its group, and the scope claims given. */
    private static String sign(TokenRequest body) {
        String subject = blank(body.subject()) ? "dev-" + body.role().name().toLowerCase() : body.subject();
        JwtClaimsBuilder claims = Jwt.subject(subject).upn(subject).groups(Set.of(body.role().name()));
        if (!blank(body.regionCode())) {
            claims.claim("regionCode", body.regionCode().trim());
        }
        if (!blank(body.creditCode())) {
            claims.claim("creditCode", body.creditCode().trim().toUpperCase());
        }
        if (!blank(body.assessorId())) {
            claims.claim("assessorId", body.assessorId().trim());
        }
        if (!blank(body.supervisorId())) {
            claims.claim("supervisorId", body.supervisorId().trim());
        }
        return claims.sign();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
