package cn.liaocheng.rdcoverage.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Every failure leaves as application/problem+json; internals stay in the log. A JSON body that cannot be read: {@link JsonProblemMappers}. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final JsonProblemMappers JSON = new JsonProblemMappers();

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Problem problem = e.toProblem();
        Response response = Problems.response(problem);
        Object retryAfter = problem.extensions().get("retryAfter");
        return retryAfter == null ? response : Response.fromResponse(response).header("Retry-After", retryAfter).build();
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(Problems.type("unauthorized"), "Unauthorized", 401,
                        "A valid bearer token is required (missing, expired, or not signed by a trusted issuer)", null))
                .build();
    }

    @ServerExceptionMapper(io.quarkus.security.ForbiddenException.class)
    public Response forbidden(RuntimeException e) {
        return Problems.response(403, "forbidden", "Forbidden", "Your role may not take this action");
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(fieldError("", v));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return Problems.validation(errors);
    }

    @ServerExceptionMapper({org.hibernate.exception.ConstraintViolationException.class})
    public Response uniqueness(RuntimeException e) {
        if (e instanceof org.hibernate.exception.ConstraintViolationException cve && foreignKey(cve)) {
            return Problems.response(409, "referenced", "Conflict", "The change conflicts with records that refer to this "
                    + "one or that it refers to" + (cve.getConstraintName() == null ? "" : " (" + cve.getConstraintName() + ")")
                    + "; remove or change those first");
        }
        return Problems.response(409, "conflict", "Conflict",
                "The change conflicts with existing data (a record that must be unique already exists); read it and retry");
    }

    /** A foreign-key violation (SQLState 23503/23506; MySQL/MariaDB errors 1216, 1217, 1451, 1452). */
    private static boolean foreignKey(org.hibernate.exception.ConstraintViolationException e) {
        if (e.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.FOREIGN_KEY) {
            return true;
        }
        java.sql.SQLException sql = e.getSQLException();
        if (sql == null) {
            return false;
        }
        int code = sql.getErrorCode();
        return "23503".equals(sql.getSQLState()) || "23506".equals(sql.getSQLState())
                || code == 1216 || code == 1217 || code == 1451 || code == 1452;
    }

    @ServerExceptionMapper({OptimisticLockException.class, org.hibernate.StaleStateException.class,
            org.hibernate.exception.LockAcquisitionException.class, jakarta.persistence.PessimisticLockException.class,
            jakarta.persistence.LockTimeoutException.class})
    public Response optimisticLock(RuntimeException e) {
        return Problems.response(409, "concurrent-modification", "Conflict",
                "The resource was changed by another request at the same time; read it again and retry");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, jakarta.ws.rs.container.ContainerRequestContext request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        java.util.Set<String> allowed = Set.of();
        if (e instanceof NotAllowedException || e instanceof jakarta.ws.rs.NotFoundException) {
            allowed = AllowedMethods.of(request.getUriInfo().getPath());
            if (status == 404 && !allowed.isEmpty() && !allowed.contains(request.getMethod())) {
                // the path exists, the method does not (Quarkus REST's class-first routing answers 404 there)
                status = 405;
            }
        }
        if (status >= 500) {
            return internal(e);
        }
        String detail = switch (status) {
            case 400 -> "The request could not be read";
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed here";
            case 406 -> "None of the accepted media types can be produced here";
            case 413 -> "The request body is larger than this endpoint accepts";
            case 415 -> "This content type is not accepted here: JSON bodies are sent as application/json (the imports and"
                    + " uploads list the types they take in the contract)";
            default -> e.getMessage();
        };
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return JSON.anyJson(jpe);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        Problem problem = new Problem(Problems.type(slug(status)), known == null ? "Error" : known.getReasonPhrase(), status, detail, null);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (status == 405) {
            // RFC 9110 15.5.6: a 405 MUST carry Allow (an empty one would say no method is allowed: left out then)
            String allow = original.getHeaderString(HttpHeaders.ALLOW);
            if (allow != null || !allowed.isEmpty()) {
                builder.header(HttpHeaders.ALLOW, allow != null ? allow : String.join(", ", allowed));
            }
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        if (DatabaseOutage.isOutage(e)) {
            return DatabaseOutage.unavailable(e);
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api(api);
            }
            if (t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException) {
                return optimisticLock((RuntimeException) t);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                return uniqueness(cve);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled failure, incident %s", incident);
        return Problems.response(new Problem(Problems.type("internal"), "Internal error", 500,
                "The service failed to handle this request; the incident is logged", null)
                .with("incident", incident));
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> "http-" + status;
        };
    }


    /** Bean Validation's path without the method and the request-body parameter: {@code capacity.personnel}. */
    /** A Bean Validation violation as a field error: its JSON path (after {@code prefix}), message and code. */
    public static Problem.FieldError fieldError(String prefix, ConstraintViolation<?> v) {
        return new Problem.FieldError(prefix + fieldOf(v.getPropertyPath()), v.getMessage(),
                FieldCodes.ofConstraint(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()));
    }

    public static String fieldOf(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && "body".equals(node.getName())) {
                continue;
            }
            if (node.isInIterable() && !sb.isEmpty()) {
                sb.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue; // "<list element>": the element itself, already named by its index (participants[0])
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
