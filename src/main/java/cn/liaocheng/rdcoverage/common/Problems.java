package cn.liaocheng.rdcoverage.common;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem responses; the one place that knows the problem type URIs. */
public final class Problems {
    private Problems() {
    }

    public static String type(String slug) {
        return "/problems/" + slug;
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String slug, String title, String detail) {
        return response(new Problem(type(slug), title, status, detail, null));
    }

    public static Response validation(List<Problem.FieldError> errors) {
        return response(ApiException.invalid(errors).toProblem());
    }
}
