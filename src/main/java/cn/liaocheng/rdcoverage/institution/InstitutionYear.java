package cn.liaocheng.rdcoverage.institution;

import java.io.Serializable;
import java.util.UUID;

/**
 * The key of what an institution states once per statistical year: its capacity ({@link InstitutionCapacity}) and its
 * R&D indicators ({@code indicator.InstitutionIndicator}); the JPA {@code @IdClass} of both (a record: Jakarta
 * Persistence 3.2 allows one, and it brings equals and hashCode).
 */
public record InstitutionYear(UUID institutionId, int year) implements Serializable {
}
