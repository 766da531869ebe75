package cn.liaocheng.rdcoverage.common;

import cn.liaocheng.rdcoverage.security.Scope;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Any list ({@link PageResult} of records) as CSV, for list methods that add {@code text/csv} to their
 * {@code @Produces}: one column per field of the item (nested objects as JSON text, lists joined by "; "),
 * headers in the requested language, the file named after the path, region and date (see {@link Exports}).
 */
@Provider
@Produces(CsvOutput.MEDIA_TYPE)
public class PageCsv implements MessageBodyWriter<PageResult<?>> {
    @Inject CurrentVertxRequest current;
    @Inject ObjectMapper json;


    @Inject Scope scope;
    @Inject Clock clock;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return PageResult.class.isAssignableFrom(type) && mediaType.isCompatible(MediaType.valueOf(CsvOutput.MEDIA_TYPE));
    }

    @Override
    public void writeTo(PageResult<?> page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
        Class<?> item = itemType(genericType, page);
        List<String> fields = new ArrayList<>();
        List<RecordComponent> components = new ArrayList<>();
        if (item != null && item.isRecord()) {
            for (RecordComponent c : item.getRecordComponents()) {
                if (c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonIgnore.class) == null
                        && c.getAnnotation(com.fasterxml.jackson.annotation.JsonIgnore.class) == null) {
                    fields.add(c.getName());
                    components.add(c);
                }
            }
        }
        headers.putSingle("Content-Type", CsvOutput.MEDIA_TYPE + ";charset=UTF-8");
        headers.putSingle("Content-Disposition", Exports.disposition(name(request), region(request), date(request)));
        try (CsvOutput csv = new CsvOutput(out, Exports.header(fields,
                request == null ? null : request.getHeader("Accept-Language")))) {
            for (Object row : page.items()) {
                Object[] cells = new Object[components.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cell(value(components.get(i), row));
                }
                csv.row(cells);
            }
        }
    }

    private static Object value(RecordComponent c, Object row) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object cell(Object v) throws IOException {
        if (v == null || v instanceof CharSequence || v instanceof Number && !(v instanceof BigDecimal)
                || v instanceof Boolean || v instanceof Enum<?> || v instanceof java.time.temporal.Temporal) {
            return v;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Collection<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                Object c = cell(o);
                parts.add(c instanceof java.time.Instant i ? MillisecondInstants.format(i) : String.valueOf(c));
            }
            return String.join("; ", parts);
        }
        return json.writeValueAsString(v instanceof Map<?, ?> m ? m : v);
    }

    private static Class<?> itemType(Type genericType, PageResult<?> page) {
        if (genericType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return page.items().isEmpty() ? null : page.items().get(0).getClass();
    }

    /** The path after /api/v1/ without identifiers: /institutions/{id}/designations gives institutions-designations. */
    private static String name(HttpServerRequest request) {
        if (request == null) {
            return "export";
        }
        String[] segments = request.path().replaceFirst("^/api/v\\d+/", "").split("/");
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i % 2 == 0 || i == segments.length - 1 && !segments[i].matches(".*\\d.*")) {
                name.append(name.isEmpty() ? "" : "-").append(segments[i]);
            }
        }
        return name.isEmpty() ? "export" : name.toString();
    }

    private String region(HttpServerRequest request) {
        String asked = request == null ? null : request.getParam("regionCode");
        if (asked != null && !asked.isBlank()) {
            return asked;
        }
        return scope.ownRegion();
    }

    private LocalDate date(HttpServerRequest request) {
        String asOf = request == null ? null : request.getParam("asOf");
        if (asOf != null && asOf.length() == 10) {
            try {
                return LocalDate.parse(asOf);
            } catch (java.time.format.DateTimeParseException ignored) {
                // the resource has already refused a bad date; fall back to today
            }
        }
        return LocalDate.now(clock);
    }
}
