package cn.liaocheng.rdcoverage.common;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code Allow} header of a 405: the methods the request's path answers, read from the resource classes' JAX-RS
 * annotations ({@code @Path}, {@code @GET}, ...), so a resource added later is covered. RFC 9110 15.5.6: "The origin
 * server MUST generate an Allow header field in a 405 response"; Quarkus REST throws its 405 without one (it computes
 * the set only for OPTIONS). Of the paths that match, the one with the most literal characters wins, as in JAX-RS
 * matching (Jakarta REST 3.1, 3.7.2), so {@code /enterprises/import} is not {@code /enterprises/{creditCode}}. HEAD
 * comes with GET, OPTIONS with every path (both answered by Quarkus REST). Read once, on the first 405.
 * <p>It also tells a method a path does not take from a path that does not exist: Quarkus REST routes by class first,
 * and a path whose class-level prefix another class shares (/enterprises/{creditCode}/follow-ups beside
 * /enterprises) answers a wrong method with 404 (quarkusio/quarkus#30854, #26496); {@link ProblemMappers} turns that
 * into the 405 it is.
 */
final class AllowedMethods {
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private record Route(String template, Pattern pattern, int literals, Set<String> methods) {
    }

    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    /**
     * The methods {@code path} (the request path, e.g. {@code /api/v1/regions}) answers, in the order GET, HEAD, POST,
     * PUT, PATCH, DELETE, OPTIONS, or an empty set when no resource path matches it.
     */
    static Set<String> of(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Route best = null;
        List<Route> table;
        try {
            table = routes();
        } catch (RuntimeException e) {
            // a template this reader cannot turn into a pattern: no Allow rather than a failed error answer
            return Set.of();
        }
        for (Route r : table) {
            if (r.pattern.matcher(p).matches() && (best == null || r.literals > best.literals)) {
                best = r;
            }
        }
        if (best == null) {
            return Set.of();
        }
        Set<String> methods = new TreeSet<>(Comparator.comparingInt(AllowedMethods::rank));
        methods.addAll(best.methods);
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return methods;
    }

    private static int rank(String method) {
        int i = ORDER.indexOf(method);
        return i < 0 ? ORDER.size() + method.hashCode() : i;
    }

    private static List<Route> routes() {
        List<Route> r = routes;
        if (r == null) {
            r = read();
            routes = r;
        }
        return r;
    }

    /** Every resource method of the beans whose class carries {@code @Path}, merged per path template. */
    private static List<Route> read() {
        Map<String, Set<String>> byTemplate = new TreeMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : type.getMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String template = join(root.value(), sub == null ? "" : sub.value());
                byTemplate.computeIfAbsent(template, k -> new TreeSet<>()).add(verb);
            }
        }
        List<Route> list = new ArrayList<>();
        byTemplate.forEach((template, methods) -> list.add(new Route(template, pattern(template),
                literals(template), Set.copyOf(methods))));
        return List.copyOf(list);
    }

    /** The characters of {@code template} outside its {...} variables (JAX-RS orders matches by them). */
    private static int literals(String template) {
        int n = 0;
        int depth = 0;
        for (char ch : template.toCharArray()) {
            depth += ch == '{' ? 1 : 0;
            n += depth == 0 ? 1 : 0;
            depth -= ch == '}' ? 1 : 0;
        }
        return n;
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code {name}} matches one segment, {@code {name: regex}} its regex (braces inside it counted); the rest is literal. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            regex.append(Pattern.quote(template.substring(i, open)));
            int close = open;
            for (int depth = 0; close < template.length(); close++) {
                char ch = template.charAt(close);
                depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String var = template.substring(open + 1, Math.min(close, template.length()));
            int colon = var.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + var.substring(colon + 1).strip() + ")");
            i = close + 1;
        }
        return Pattern.compile(regex.toString());
    }
}
