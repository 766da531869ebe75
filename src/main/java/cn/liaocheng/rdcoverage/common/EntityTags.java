package cn.liaocheng.rdcoverage.common;

import jakarta.ws.rs.core.EntityTag;

/**
 * {@code If-None-Match} as RFC 9110 13.1.2 evaluates it: the header is {@code *} or a comma-separated list of entity
 * tags ({@code "1"}, {@code W/"r0a1…"}), and it matches when any listed tag equals the current one by the <em>weak</em>
 * comparison of RFC 9110 8.8.3.2 (the opaque strings are equal; either side may be weak). So {@code W/"1"}, which a
 * proxy or a browser cache may send back for a strong {@code "1"}, is a match, and a 304 is answered.
 *
 * <p>JAX-RS' {@code Request.evaluatePreconditions(EntityTag)} in RESTEasy Reactive compares strongly here, which is
 * why conditional GETs go through this class. A malformed list (an unquoted tag) matches nothing: the GET is answered
 * in full, as a cache that sent it can always use.
 */
public final class EntityTags {
    private EntityTags() {
    }

    /**
     * @param ifNoneMatch the request's If-None-Match header, or null
     * @param current     the representation's tag (weak or strong)
     * @return true when the header is {@code *} or lists a tag weakly equal to {@code current}: answer 304
     */
    public static boolean noneMatchFails(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null || current == null) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        int i = 0;
        int n = ifNoneMatch.length();
        while (i < n) {
            char c = ifNoneMatch.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
            } else if (ifNoneMatch.startsWith("W/\"", i) || c == '"') {
                int open = ifNoneMatch.indexOf('"', i);
                int close = ifNoneMatch.indexOf('"', open + 1);
                if (close < 0) {
                    return false;
                }
                if (ifNoneMatch.substring(open + 1, close).equals(current.getValue())) {
                    return true;
                }
                i = close + 1;
            } else {
                return false;
            }
        }
        return false;
    }
}
