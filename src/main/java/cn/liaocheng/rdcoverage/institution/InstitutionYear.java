package cn.liaocheng.rdcoverage.institution;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The key of what an institution states once per statistical year: its capacity ({@link InstitutionCapacity}) and its
 * R&D indicators ({@code indicator.InstitutionIndicator}); the JPA {@code @IdClass} of both.
 */
public class InstitutionYear implements Serializable {
    public UUID institutionId;
    public int year;

    public InstitutionYear() {
    }

    public InstitutionYear(UUID institutionId, int year) {
        this.institutionId = institutionId;
        this.year = year;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstitutionYear k && k.year == year && Objects.equals(k.institutionId, institutionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(institutionId, year);
    }
}
