package cn.liaocheng.rdcoverage.events;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may read an event, fixed when it is written: everyone ({@code all}), or the county officers of {@code regions}
 * and the enterprises of {@code creditCodes}. The city, province, finance and admin roles read every event.
 */
public record Scope(boolean all, Set<String> regions, Set<String> creditCodes) {
    public static final Scope EVERYONE = new Scope(true, Set.of(), Set.of());

    public static Scope of(Collection<String> regions, Collection<String> creditCodes) {
        Set<String> r = new TreeSet<>();
        Set<String> c = new TreeSet<>();
        regions.stream().filter(x -> x != null && !x.isBlank()).forEach(r::add);
        creditCodes.stream().filter(x -> x != null && !x.isBlank()).forEach(c::add);
        return new Scope(false, r, c);
    }

    /** ",a,b," (null when empty): a caller's code matches with {@code like '%,code,%'}. */
    static String column(Set<String> values) {
        return values.isEmpty() ? null : "," + String.join(",", values) + ",";
    }
}
