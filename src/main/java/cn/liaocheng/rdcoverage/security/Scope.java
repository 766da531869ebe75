package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.common.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What a caller may see and do: the one definition, per resource kind, that every service, list filter and the
 * enterprise import use (README "Who sees what" holds the same table).
 *
 * <p>The caller's scope comes from its token: an enterprise its {@code creditCode}; a county officer its
 * {@code regionCode}; a supervisor the regions of its supervision groups; an assessor its {@code assessorId}; the
 * city, province, finance and admin roles every region. "In a region" always means the enterprise's <em>current</em>
 * region ({@code enterprise.region_code}); a county keeps seeing what it is <em>responsible</em> for (the county that
 * reviews an application, fixed at application; the county that pays an award's supplement, fixed at proposal).
 *
 * <table>
 *   <caption>Reads (outside: 404, the same answer as for an id that does not exist)</caption>
 *   <tr><th>kind</th><th>enterprise</th><th>county officer, supervisor</th><th>assessor</th></tr>
 *   <tr><td>enterprise, figures, follow-ups</td><td>itself</td><td>enterprises now in its region(s)</td><td>none</td></tr>
 *   <tr><td>institution, designations, capacity, indicators</td><td>those it takes part in</td>
 *       <td>a participant is now in its region(s)</td><td>none</td></tr>
 *   <tr><td>application, history</td><td>its institution's</td>
 *       <td>its institution is in scope, or it is the reviewing county</td><td>those with its inspection</td></tr>
 *   <tr><td>inspection</td><td>none</td><td>as the application</td><td>its own</td></tr>
 *   <tr><td>attachment</td><td>as the application</td><td>as the application (county officer only)</td>
 *       <td>as the application</td></tr>
 *   <tr><td>award</td><td>its own</td><td>the enterprise is now in its region(s), or it is the paying county</td>
 *       <td>none</td></tr>
 *   <tr><td>reports</td><td>none</td><td>its region(s)' rows</td><td>none</td></tr>
 * </table>
 * The city, province, finance and admin roles read every object their role may read at all; attachments are read
 * by the enterprise, the county officer, the city and the assigned assessor only (issue #17), others get 404.
 *
 * <p>Actions (a role that may act, on an object it sees but is not responsible for: 403): a county officer places
 * enterprises, imports rows, confirms participation and sets supplements for its own region only; it declares an
 * institution naming at least one enterprise of its region; it reviews (transitions) only the applications whose
 * reviewing county it is. An import row for another county is a row error ({@link #importRegion()}).
 */
@ApplicationScoped
public class Scope {
    @Inject Caller caller;
    @Inject EntityManager em;

    // ---- reads: false means 404 ----

    /** An enterprise (its figures, its follow-ups) with {@code creditCode}, now registered in {@code region}. */
    public boolean enterprise(String creditCode, String region) {
        if (caller.is(Role.ENTERPRISE)) {
            return creditCode != null && creditCode.equals(caller.creditCode());
        }
        if (regional()) {
            return region != null && caller.regions().contains(region);
        }
        return everywhere();
    }

    /** An institution (and what hangs on it: capacity, indicators, designations) with these participants. */
    public boolean institution(Collection<String> participants) {
        if (caller.is(Role.ENTERPRISE)) {
            return participants.contains(caller.creditCode());
        }
        if (regional()) {
            return !participants.isEmpty() && !caller.regions().isEmpty()
                    && em.createQuery("select count(e) from Enterprise e where e.regionCode in :r and e.creditCode in :c", Long.class)
                    .setParameter("r", caller.regions()).setParameter("c", participants).getSingleResult() > 0;
        }
        return everywhere();
    }

    /**
     * An application reviewed by {@code reviewingRegion} for an institution with {@code participants};
     * {@code assigned} tells whether the calling assessor holds one of its inspections (asked only for assessors).
     */
    public boolean application(String reviewingRegion, Collection<String> participants, BooleanSupplier assigned) {
        if (caller.is(Role.ASSESSOR)) {
            return assigned.getAsBoolean();
        }
        if (regional() && caller.regions().contains(reviewingRegion)) {
            return true;
        }
        return institution(participants);
    }

    /** An inspection: the assigned assessor; otherwise as its application, and never an enterprise. */
    public boolean inspection(String assessorId, String reviewingRegion, Collection<String> participants) {
        if (caller.is(Role.ASSESSOR)) {
            return Objects.equals(assessorId, caller.assessorId());
        }
        return !caller.is(Role.ENTERPRISE) && application(reviewingRegion, participants, () -> false);
    }

    /** The materials of an application the caller sees: only the roles of issue #17 read them. */
    public boolean attachments() {
        return caller.is(Role.ENTERPRISE) || caller.is(Role.COUNTY_OFFICER) || caller.is(Role.CITY_OFFICER) || caller.is(Role.ASSESSOR);
    }

    /** An award to {@code creditCode} (now in {@code currentRegion}) proposed in {@code payingRegion}. */
    public boolean award(String creditCode, String payingRegion, String currentRegion) {
        if (regional()) {
            return caller.regions().contains(payingRegion) || currentRegion != null && caller.regions().contains(currentRegion);
        }
        return enterprise(creditCode, currentRegion);
    }

    // ---- the same rules as list conditions (JPQL) ----

    /** Enterprises {@code e} in scope (alias of an Enterprise). */
    public Where enterprises(Where w, String e) {
        if (caller.is(Role.ENTERPRISE)) {
            w.and(e + ".creditCode = :scopeCode", "scopeCode", String.valueOf(caller.creditCode()));
        } else if (regional()) {
            w.and(e + ".regionCode in :scopeRegions", "scopeRegions", regionsParam());
        }
        return w;
    }

    /** Institutions {@code i} in scope (alias of an Institution). */
    public Where institutions(Where w, String i) {
        if (caller.is(Role.ENTERPRISE)) {
            w.and(":scopeCode member of " + i + ".participants", "scopeCode", String.valueOf(caller.creditCode()));
        } else if (regional()) {
            w.and(participantIn(i), "scopeRegions", regionsParam());
        }
        return w;
    }

    /** Applications {@code a} in scope (alias of an Application). */
    public Where applications(Where w, String a) {
        if (caller.is(Role.ASSESSOR)) {
            w.and("exists (select 1 from Inspection ss where ss.applicationId = " + a + ".id and ss.assessorId = :scopeAssessor)",
                    "scopeAssessor", String.valueOf(caller.assessorId()));
        } else if (caller.is(Role.ENTERPRISE)) {
            w.and("exists (select 1 from Institution si where si.id = " + a + ".institutionId and :scopeCode member of si.participants)",
                    "scopeCode", String.valueOf(caller.creditCode()));
        } else if (regional()) {
            w.and(applicationIn(a), "scopeRegions", regionsParam());
        }
        return w;
    }

    /** Inspections {@code i} in scope (alias of an Inspection). */
    public Where inspections(Where w, String i) {
        if (caller.is(Role.ASSESSOR)) {
            w.and(i + ".assessorId = :scopeAssessor", "scopeAssessor", String.valueOf(caller.assessorId()));
        } else if (caller.is(Role.ENTERPRISE)) {
            w.and("1 = 0", null, null);
        } else if (regional()) {
            w.and("exists (select 1 from Application sa where sa.id = " + i + ".applicationId and " + applicationIn("sa") + ")",
                    "scopeRegions", regionsParam());
        }
        return w;
    }

    /** Awards {@code a} in scope (alias of an Award). */
    public Where awards(Where w, String a) {
        if (caller.is(Role.ENTERPRISE)) {
            w.and(a + ".creditCode = :scopeCode", "scopeCode", String.valueOf(caller.creditCode()));
        } else if (regional()) {
            w.and("(" + a + ".regionCode in :scopeRegions or exists (select 1 from Enterprise se where se.creditCode = "
                    + a + ".creditCode and se.regionCode in :scopeRegions))", "scopeRegions", regionsParam());
        }
        return w;
    }

    /** A supervision group: a supervisor its own groups, a county officer those covering its region, the others all. */
    public boolean supervisionGroup(Collection<String> supervisorIds, Collection<String> regions) {
        if (caller.is(Role.SUPERVISOR)) {
            return supervisorIds.contains(caller.supervisorId());
        }
        if (regional()) {
            return regions.stream().anyMatch(caller.regions()::contains);
        }
        return true;
    }

    /** Supervision groups {@code g} in scope (alias of a SupervisionGroup). */
    public Where supervisionGroups(Where w, String g) {
        if (caller.is(Role.SUPERVISOR)) {
            w.and("exists (select 1 from SupervisionGroup sg join sg.members sm where sg = " + g + " and sm.supervisorId = :scopeSupervisor)",
                    "scopeSupervisor", String.valueOf(caller.supervisorId()));
        } else if (regional()) {
            w.and("exists (select 1 from SupervisionGroup sg join sg.regions sr where sg = " + g + " and sr in :scopeRegions)",
                    "scopeRegions", regionsParam());
        }
        return w;
    }

    /** The regions whose rows a report shows: null for all (unscoped roles), else the caller's region(s). */
    public Set<String> reportRegions() {
        return regional() ? caller.regions() : null;
    }

    /** A region-scoped caller's one region for a default filter (a county officer's), else null. */
    public String ownRegion() {
        return regional() ? caller.regionCode() : null;
    }

    // ---- actions: false means 403 (the caller sees the object or names it in a body, but does not act for it) ----

    /** Whether the caller acts for {@code region}: a county officer for its own only, the other acting roles for all. */
    public boolean actsFor(String region) {
        return !regional() || region != null && region.equals(caller.regionCode());
    }

    /** Whether the caller acts for an enterprise of {@code creditCode}: an enterprise for itself, a county for its region's. */
    public boolean actsForEnterprise(String creditCode) {
        if (caller.is(Role.ENTERPRISE)) {
            return creditCode != null && creditCode.equals(caller.creditCode());
        }
        if (regional()) {
            return creditCode != null && em.createQuery("select count(e) from Enterprise e where e.creditCode = :c and e.regionCode = :r",
                    Long.class).setParameter("c", creditCode).setParameter("r", String.valueOf(caller.regionCode())).getSingleResult() > 0;
        }
        return true;
    }

    /**
     * Whether the caller applies (申报) for an institution with these participants, the first being the lead: an
     * enterprise taking part, a county officer of the lead participant's region.
     */
    public boolean appliesFor(List<String> participants) {
        if (caller.is(Role.ENTERPRISE)) {
            return participants.contains(caller.creditCode());
        }
        if (regional()) {
            return !participants.isEmpty() && actsForEnterprise(participants.get(0));
        }
        return true;
    }

    /** Whether a county officer names at least one enterprise of its region (whether or not the others exist). */
    public boolean actsForAny(Collection<String> creditCodes) {
        if (!regional()) {
            return true;
        }
        return !creditCodes.isEmpty() && em.createQuery("select count(e) from Enterprise e where e.regionCode = :r and e.creditCode in :c",
                Long.class).setParameter("r", String.valueOf(caller.regionCode())).setParameter("c", creditCodes).getSingleResult() > 0;
    }

    /**
     * Whether the caller writes one year's figures that lie in {@code storedRegion} (null when the year has none yet)
     * and are to lie in {@code newRegion}: a county officer only when both are its own (a year kept in another county
     * is that county's report, also when the enterprise has moved since), the other acting roles always.
     */
    public boolean writesFigures(String storedRegion, String newRegion) {
        return writesFigures(importRegion(), storedRegion, newRegion);
    }

    /** {@link #writesFigures(String, String)} for an import planned with {@link #importRegion()} ({@code scopeRegion}). */
    public static boolean writesFigures(String scopeRegion, String storedRegion, String newRegion) {
        return scopeRegion == null || (storedRegion == null || scopeRegion.equals(storedRegion)) && scopeRegion.equals(newRegion);
    }

    /** The only region an import may write (rows for another county are row errors), or null for any. */
    public String importRegion() {
        return regional() ? String.valueOf(caller.regionCode()) : null;
    }

    // ----

    private boolean regional() {
        return caller.is(Role.COUNTY_OFFICER) || caller.is(Role.SUPERVISOR);
    }

    private boolean everywhere() {
        return caller.is(Role.CITY_OFFICER) || caller.is(Role.PROVINCE) || caller.is(Role.FINANCE) || caller.is(Role.ADMIN);
    }

    /** For an {@code in} clause: never empty, which some databases refuse. */
    private Set<String> regionsParam() {
        return caller.regions().isEmpty() ? Set.of("-") : caller.regions();
    }

    private static String participantIn(String i) {
        return "exists (select 1 from Enterprise se where se.regionCode in :scopeRegions and se.creditCode member of " + i + ".participants)";
    }

    private static String applicationIn(String a) {
        return "(" + a + ".regionCode in :scopeRegions or exists (select 1 from Institution si, Enterprise se where si.id = "
                + a + ".institutionId and se.regionCode in :scopeRegions and se.creditCode member of si.participants))";
    }
}
