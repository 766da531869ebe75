package cn.liaocheng.rdcoverage.common;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter bound to a number or a boolean (on the method or in a @BeanParam) that is not one is a 400 naming
 * the parameter, before JAX-RS would turn the failed conversion into a 404. Covers every endpoint, present and future.
 */
public class QueryParameterCheck {
    private static final Map<Method, Map<String, Class<?>>> TYPED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Map<String, Class<?>> typed = TYPED.computeIfAbsent(method, QueryParameterCheck::typedParameters);
        if (typed.isEmpty()) {
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        List<Problem.FieldError> errors = new ArrayList<>();
        typed.forEach((name, type) -> {
            List<String> values = query.get(name);
            if (values == null) {
                return;
            }
            for (String value : values) {
                String problem = problem(value.trim(), type);
                if (problem != null) {
                    boolean bool = type == boolean.class || type == Boolean.class;
                    boolean integer = type == int.class || type == Integer.class;
                    errors.add(new Problem.FieldError(name, "'" + value + "' is not " + problem, FieldCodes.INVALID_TYPE)
                            .zh(bool ? "field.INVALID_TYPE.query-boolean" : integer ? "field.INVALID_TYPE.query-int" : "field.INVALID_TYPE.query-long",
                                    value, Integer.MAX_VALUE));
                    return;
                }
            }
        });
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static String problem(String value, Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "true or false";
        }
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else {
                Long.parseLong(value);
            }
            return null;
        } catch (NumberFormatException e) {
            return "a whole number" + (type == int.class || type == Integer.class ? " (at most " + Integer.MAX_VALUE + ")" : "");
        }
    }

    private static Map<String, Class<?>> typedParameters(Method method) {
        Map<String, Class<?>> typed = new LinkedHashMap<>();
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null && numericOrBoolean(p.getType())) {
                typed.put(q.value(), p.getType());
            }
            if (p.getAnnotation(BeanParam.class) != null) {
                for (Class<?> c = p.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        QueryParam fq = f.getAnnotation(QueryParam.class);
                        if (fq != null && numericOrBoolean(f.getType())) {
                            typed.put(fq.value(), f.getType());
                        }
                    }
                }
            }
        }
        return typed;
    }

    private static boolean numericOrBoolean(Class<?> t) {
        return t == int.class || t == Integer.class || t == long.class || t == Long.class
                || t == boolean.class || t == Boolean.class;
    }
}
