package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.capacity.CapacityInput;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.capacity.CapacityView;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.coverage.InstitutionCoverage;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An institution's declared capacity, one row per year ({@link InstitutionCapacity}): read, put (a year not in the
 * future; a change refused while the institution is frozen, {@link FrozenFacts}), and the copy the indicators report
 * keeps of it (issue #18). A year without a row is a 404.
 */
@ApplicationScoped
public class InstitutionCapacities {
    @Inject InstitutionService institutions;
    @Inject InstitutionViews views;
    @Inject FrozenFacts frozen;
    @Inject InstitutionCoverage institutionCoverage;
    @Inject Changes changes;
    @Inject Clock clock;

    /** Every declared year, latest first. */
    public List<CapacityView> capacities(String rawId) {
        Institution i = institutions.find(rawId);
        return InstitutionCapacity.<InstitutionCapacity>list("institutionId = ?1 order by year desc", i.id)
                .stream().map(c -> CapacityMapper.view(c.year, c.capacity)).toList();
    }

    public CapacityView capacity(String rawId, int year) {
        Institution i = institutions.find(rawId);
        InstitutionCapacity c = InstitutionCapacity.findById(new InstitutionYear(i.id, year));
        if (c == null) {
            throw ApiException.notFound("Capacity of institution " + i.id + " for year", year);
        }
        return CapacityMapper.view(c.year, c.capacity);
    }

    /**
     * Puts the capacity of {@code year}; true when the year is new. {@code ifMatch} (null: none) must name the
     * year's current ETag ({@link ETags#ofContent} of its view; {@code *}: any stored year), else 412.
     */
    @Transactional
    public boolean put(String rawId, int year, CapacityInput input, String ifMatch) {
        Institution i = institutions.find(rawId);
        ApiException.requirePathYear(input.year(), year);
        InstitutionCapacity stored = InstitutionCapacity.findById(new InstitutionYear(i.id, year));
        ETags.checkIfMatch(ifMatch, stored == null ? null : ETags.ofContent(CapacityMapper.view(stored.year, stored.capacity)));
        if (frozen.capacityChanges(i, year, input)) {
            frozen.refuse(i, List.of("capacity"));
        }
        boolean created = stored == null;
        put(i, input.withYear(year));
        i.updatedAt = Instant.now(clock);
        institutionCoverage.refresh(List.of(i.id)); // the indicators report's copy of the capacity (issue #18)
        changes.record(EventType.INSTITUTION_UPDATED, i.id, () -> views.view(i));
        return created;
    }

    /** Writes the capacity of its year (none given: this year) onto the institution's row of that year. */
    void put(Institution i, CapacityInput in) {
        int year = in.year() == null ? LocalDate.now(clock).getYear() : in.year();
        if (year > LocalDate.now(clock).getYear()) {
            throw ApiException.invalid("year", FieldMessage.of("must not be in the future", "field.IN_FUTURE.date"));
        }
        InstitutionCapacity c = InstitutionCapacity.findById(new InstitutionYear(i.id, year));
        boolean created = c == null;
        if (created) {
            c = new InstitutionCapacity();
            c.institutionId = i.id;
            c.year = year;
        }
        c.capacity = CapacityMapper.columns(in);
        c.updatedAt = Instant.now(clock);
        if (created) {
            c.persist();
        }
    }
}
