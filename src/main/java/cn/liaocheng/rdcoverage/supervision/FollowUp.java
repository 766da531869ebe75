package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.UuidGenerator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One visit to an enterprise by a county officer or a supervisor (靠上盯死); never changed once recorded. */
@Entity
@Immutable
public class FollowUp extends PanacheEntityBase {
    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public String creditCode;

    public LocalDate visitedOn;

    public String visitedBy;

    @Enumerated(EnumType.STRING)
    public BuildMode plannedBuildMode;

    public LocalDate expectedBy;

    /** Obstacle names separated by commas, in the order given. */
    public String obstacles;

    public String note;

    public String recordedBy;

    public String recorderRole;

    public Instant createdAt;
}
