package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.eligibility.BuildMode;
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

/** One visit to an enterprise by a county officer or a supervisor (靠上盯死); never changed once recorded. */
@Entity
@Immutable
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {
    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "id", length = 36)
    public UUID id;

    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "visited_on")
    public LocalDate visitedOn;

    @Column(name = "visited_by")
    public String visitedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "planned_build_mode")
    public BuildMode plannedBuildMode;

    @Column(name = "expected_by")
    public LocalDate expectedBy;

    /** Obstacle names separated by commas, in the order given. */
    @Column(name = "obstacles")
    public String obstacles;

    @Column(name = "note")
    public String note;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorder_role")
    public String recorderRole;

    @Column(name = "created_at")
    public Instant createdAt;
}
