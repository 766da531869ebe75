package cn.liaocheng.rdcoverage.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Problems in the client's language: {@code Accept-Language: zh-CN} (the default, {@code rd.problems.default-language})
 * or {@code en}. Titles come from the ProblemMessages bundles by type ({@code title.<slug>}); the detail of a kind of
 * problem that has a generic sentence there ({@code detail.<slug>}) and the message of a field error whose code has one
 * ({@code field.<CODE>}) are replaced in Chinese, and so is the detail of a problem raised with its own Chinese pattern
 * ({@link ApiException#zh}, keys {@code detail.<slug>.<case>}, e.g. the workflow's conflicts); Bean Validation
 * messages come localised from Hibernate Validator
 * (ValidationMessages bundles). type, status and the codes never change with the language.
 */
public class ProblemLanguage {
    static final String BUNDLE = "ProblemMessages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @ServerResponseFilter
    public void localise(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem) {
            Locale locale = of(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            localise(problem, locale);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        } else if (response.getEntity() instanceof Localisable answer) {
            // an answer with messages for people in it: an import report's row errors, a non-atomic batch's failed items
            Locale locale = of(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            response.setEntity(answer.in(locale));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        }
    }

    /** An extension member in a language: a {@link Localisable} or a list of them translated, anything else as it is. */
    private static Object inLanguage(Object value, Locale locale) {
        if (value instanceof Localisable l) {
            return l.in(locale);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Localisable) {
            return list.stream().map(v -> inLanguage(v, locale)).toList();
        }
        return value;
    }

    /**
     * A field message in a language: under Chinese its bundle pattern over its arguments, else its code's sentence
     * ({@code field.<CODE>}); under English (or without either) the English as written where it was raised.
     */
    public static String message(FieldMessage message, Locale locale) {
        if (!isChinese(locale)) {
            return message.english();
        }
        String text = format(message.key(), message.args(), locale);
        if (text == null) {
            text = text("field." + message.code(), locale);
        }
        return text == null ? message.english() : text;
    }

    /** The problems of a batch's items ({@link Batches.ItemResult#problem}), as a single request would have them. */
    static void localiseItems(Iterable<?> items, Locale locale) {
        for (Object item : items) {
            if (item instanceof Batches.ItemResult r && r.problem() != null) {
                localise(r.problem(), locale);
            }
        }
    }

    /** The first supported language of an Accept-Language header, else the configured default. */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("zh")) {
                        return CHINESE;
                    }
                    if (tag.startsWith("en")) {
                        return Locale.ENGLISH;
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // an unreadable header: the default
            }
        }
        return defaultLanguage();
    }

    /** The configured default language ({@code rd.problems.default-language}): Chinese or English. */
    public static Locale defaultLanguage() {
        String tag = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(RdConfig.class).problems().defaultLanguage();
        return tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : CHINESE;
    }

    static void localise(Problem problem, Locale locale) {
        if (problem.extensions().get("items") instanceof List<?> items) {
            localiseItems(items, locale); // an atomic batch refused (batch-not-applied): the failing item's own problem
        }
        problem.extensions().replaceAll((name, value) -> inLanguage(value, locale)); // e.g. an import's row errors
        String slug = problem.slug();
        String title = title(slug, locale);
        if (title != null) {
            problem.title = title;
        }
        if (!isChinese(locale)) {
            return;
        }
        if (problem.errors != null) {
            problem.errors = problem.errors.stream().map(e -> inChinese(e, locale)).toList();
        }
        String detail = chineseDetail(problem, slug, locale);
        if (detail != null) {
            problem.detail = detail;
        }
    }

    /**
     * A field error's Chinese: its own pattern; else a message already in Chinese (Hibernate Validator's) stays; else its
     * code's sentence. (An English message quoting a Chinese value, such as a header 营业收入（亿美元）, has Han characters
     * too: its own pattern comes first.)
     */
    private static Problem.FieldError inChinese(Problem.FieldError e, Locale locale) {
        String own = e.localised() == null ? null : format(e.localised().key(), e.localised().args(), locale);
        if (own != null) {
            return e.withMessage(own);
        }
        String generic = text("field." + e.code(), locale); // no sentence of its own: its code's
        return generic == null || isChinese(e.message()) ? e : e.withMessage(generic);
    }

    /**
     * The Chinese detail of a problem: a validation problem's from its field errors; else the raiser's pattern
     * ({@link ApiException#zh}), else the kind's generic sentence ({@code detail.<slug>}), else, for a problem naming
     * fields (an unreadable import file), its field errors as {@code field: message} joined; null when none applies.
     */
    private static String chineseDetail(Problem problem, String slug, Locale locale) {
        List<Problem.FieldError> errors = problem.errors == null ? List.of() : problem.errors;
        if ("validation".equals(slug) && !errors.isEmpty()) {
            return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : MessageFormat.format(text("detail.validation.many", locale), errors.size());
        }
        String formatted = problem.detailKey == null ? null : format(problem.detailKey, problem.detailArgs, locale);
        if (formatted != null) {
            return formatted;
        }
        String generic = text("detail." + slug, locale);
        if (generic != null || errors.isEmpty()) {
            return generic;
        }
        return String.join("；", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    /**
     * The bundle's pattern {@code key} over {@code args}, each as written (no digit grouping of years and ids; a
     * {@link FieldMessage} in the same language); null without one.
     */
    static String format(String key, Object[] args, Locale locale) {
        String pattern = text(key, locale);
        if (pattern == null) {
            return null;
        }
        Object[] written = args == null ? new Object[0] : args.clone();
        for (int k = 0; k < written.length; k++) {
            written[k] = written[k] instanceof FieldMessage inner ? message(inner, locale) : String.valueOf(written[k]);
        }
        return new MessageFormat(pattern, locale).format(written);
    }

    /** Whether {@code locale} is Chinese (any region or script). */
    public static boolean isChinese(Locale locale) {
        return CHINESE.getLanguage().equals(locale.getLanguage());
    }

    private static boolean isChinese(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The title of a kind of problem in a language, or null when the bundle has none. */
    public static String title(String slug, Locale locale) {
        return text("title." + slug, locale);
    }

    static String text(String key, Locale locale) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ProblemLanguage.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
