package cn.liaocheng.rdcoverage.security;


import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reading claim values whatever JSON shape the provider chose (string, list, nested object). */
final class TokenClaims {
    private TokenClaims() {
    }

    /** The value at a dotted path ({@code realm_access.roles}), or null. */
    static Object at(JsonWebToken jwt, String path) {
        String[] parts = path.split("\\.");
        Object v = jwt.getClaim(parts[0]);
        for (int i = 1; i < parts.length && v != null; i++) {
            if (v instanceof JsonObject o) {
                v = o.get(parts[i]);
            } else if (v instanceof Map<?, ?> m) {
                v = m.get(parts[i]);
            } else {
                return null;
            }
        }
        return v;
    }

    /** All string values of a claim value: one for a string, each element for a list; nothing for other shapes. */
    static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonValue e : a) {
                if (e instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        } else if (v instanceof Collection<?> c) {
            for (Object e : c) {
                if (e instanceof String s) {
                    out.add(s);
                } else if (e instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        } else if (v instanceof JsonString s) {
            out.add(s.getString());
        } else if (v instanceof String s) {
            out.add(s);
        }
        return out;
    }

    /**
     * The single non-blank string value of a claim (a string, or a list holding exactly one string, as a multivalued
     * attribute mapper emits it), trimmed; null when missing, empty, several values or not a string.
     */
    static String single(Object v) {
        if (v == null || v instanceof JsonValue j && j.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        boolean list = v instanceof JsonArray || v instanceof Collection<?>;
        boolean string = v instanceof String || v instanceof JsonString;
        if (!list && !string) {
            return null;
        }
        List<String> values = strings(v);
        if (values.size() != 1 || (list && sizeOf(v) != 1)) {
            return null;
        }
        String s = values.get(0).trim();
        return s.isEmpty() ? null : s;
    }

    /**
     * Why {@link #single} refused a value, in English and Chinese, its key naming the field-error code: REQUIRED when
     * the claim is missing or empty, INVALID_VALUE when it has several values, INVALID_TYPE when it is not a string.
     */
    static cn.liaocheng.rdcoverage.common.FieldMessage problem(Object v) {
        if (v == null || v instanceof JsonValue j && j.getValueType() == JsonValue.ValueType.NULL) {
            return why("is missing", "field.REQUIRED.scope-claim-missing");
        }
        if (v instanceof JsonArray || v instanceof Collection<?>) {
            int n = sizeOf(v);
            if (n == 0) {
                return why("is an empty list", "field.REQUIRED.scope-claim-empty-list");
            }
            if (n > 1) {
                return cn.liaocheng.rdcoverage.common.FieldMessage.of("has " + n + " values; exactly one is required",
                        "field.INVALID_VALUE.scope-claim-values", n);
            }
            if (strings(v).size() != 1) {
                return why("is not a string", "field.INVALID_TYPE.scope-claim-not-a-string");
            }
            return why("is empty", "field.REQUIRED.scope-claim-empty");
        }
        if (!(v instanceof String || v instanceof JsonString)) {
            return why("is not a string", "field.INVALID_TYPE.scope-claim-not-a-string");
        }
        return why("is empty", "field.REQUIRED.scope-claim-empty");
    }

    private static cn.liaocheng.rdcoverage.common.FieldMessage why(String english, String key) {
        return cn.liaocheng.rdcoverage.common.FieldMessage.of(english, key);
    }

    private static int sizeOf(Object v) {
        return v instanceof JsonArray a ? a.size() : ((Collection<?>) v).size();
    }

    /** A role name from a role or group value: {@code /rd/CITY_OFFICER} and {@code /CITY_OFFICER} give CITY_OFFICER. */
    static String roleName(String value) {
        String v = value.trim();
        int slash = v.lastIndexOf('/');
        return slash >= 0 ? v.substring(slash + 1) : v;
    }
}
