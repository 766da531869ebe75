package cn.liaocheng.rdcoverage.coverage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.UuidGenerator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An immutable copy of the full coverage report as of a date (定期通报). Scheduled snapshots carry their
 * {@code period} (e.g. 2026-10), unique in the database, so that several instances take one per period.
 */
@Entity
@Immutable
public class CoverageSnapshot extends PanacheEntityBase {
    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public LocalDate asOf;

    public Integer statisticalYear;

    @Enumerated(EnumType.STRING)
    public SnapshotKind kind;

    public String period;

    /** The {@link CoverageReport} as JSON. */
    @Column(length = 1_000_000)
    public String report;

    /**
     * What other features store with the snapshot, as JSON (issue 18: the indicators report of its statistical year);
     * filled by the observers of {@link SnapshotTaking}; null for snapshots taken before.
     */
    @Column(length = 1_000_000)
    public String indicators;

    public Instant takenAt;

    public String takenBy;
}
