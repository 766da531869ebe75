package cn.liaocheng.rdcoverage.coverage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An immutable copy of the full coverage report as of a date (定期通报). Scheduled snapshots carry their
 * {@code period} (e.g. 2026-10), unique in the database, so that several instances take one per period.
 */
@Entity
@Immutable
@Table(name = "coverage_snapshot")
public class CoverageSnapshot extends PanacheEntityBase {
    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "id", length = 36)
    public UUID id;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Column(name = "statistical_year")
    public Integer statisticalYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    public SnapshotKind kind;

    @Column(name = "period")
    public String period;

    /** The {@link CoverageReport} as JSON. */
    @Column(name = "report", length = 1_000_000)
    public String report;

    /**
     * What other features store with the snapshot, as JSON (issue 18: the indicators report of its statistical year);
     * filled by the observers of {@link SnapshotTaking}; null for snapshots taken before.
     */
    @Column(name = "indicators", length = 1_000_000)
    public String indicators;

    @Column(name = "taken_at")
    public Instant takenAt;

    @Column(name = "taken_by")
    public String takenBy;
}
