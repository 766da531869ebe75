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
 * general-purpose parser allocates a resolver context per date (several per what-if assessment); an impossible date
 * ({@code 2025-02-30}) goes to the module's own deserializer for its message. Nothing else is a date: not a date-time
 * or instant ({@code 2025-11-08T16:00:00Z}, which a browser sends for local midnight in China and the module would
 * turn into the day before), not a number of epoch days, not an array; each is a 400 naming the field.
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
                String text = parser.getText().strip();
                LocalDate date = plain(text);
                if (date != null) {
                    return date;
                }
                if (text.isEmpty() || text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
                    // "" is no date (a form's empty field), as the module reads it; 2025-02-30: the module names the fault
                    return (LocalDate) standard.deserialize(parser, context);
                }
            }
            // A UTC instant (what a browser's toISOString() gives for local midnight in China is the day before), a
            // number of epoch days or an array is not taken for a date: the module would store another day.
            return (LocalDate) context.reportInputMismatch(this, "expected a date as yyyy-MM-dd (the calendar day, e.g."
                    + " 2025-11-09), not " + (parser.hasToken(JsonToken.VALUE_STRING) ? "'" + shortened(parser.getText()) + "'"
                    : kind(parser.currentToken())));
        }

        private static String kind(JsonToken token) {
            return switch (token) {
                case START_ARRAY -> "an array";
                case START_OBJECT -> "an object";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                default -> String.valueOf(token);
            };
        }

        private static String shortened(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
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
