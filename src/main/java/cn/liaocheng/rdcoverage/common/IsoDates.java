package cn.liaocheng.rdcoverage.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Dates in request bodies are read the way Jackson's Java time module reads them, but the plain {@code yyyy-MM-dd}
 * form that every client sends is taken apart by hand instead of through {@link DateTimeFormatter}, whose
 * general-purpose parser allocates a resolver context per date (several per what-if assessment). Anything else,
 * including an impossible date, goes to the module's own deserializer, so values and error messages stay the same.
 */
@Singleton
public class IsoDates implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("iso-dates").addDeserializer(LocalDate.class, new Reader(LocalDateDeserializer.INSTANCE)));
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // after Quarkus has registered the Java time module, so that this one wins
    }

    /** The fast path in front of the module's own (contextualised) LocalDate deserializer. */
    static final class Reader extends StdScalarDeserializer<LocalDate> implements ContextualDeserializer {
        private final JsonDeserializer<?> standard;

        Reader(JsonDeserializer<?> standard) {
            super(LocalDate.class);
            this.standard = standard;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            return standard instanceof ContextualDeserializer c ? new Reader(c.createContextual(context, property)) : this;
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                LocalDate date = plain(parser.getText());
                if (date != null) {
                    return date;
                }
            }
            return (LocalDate) standard.deserialize(parser, context);
        }
    }

    /** {@code yyyy-MM-dd} with a real day of a real month, else null. */
    static LocalDate plain(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
