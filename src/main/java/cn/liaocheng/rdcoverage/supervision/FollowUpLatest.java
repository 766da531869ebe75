package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.LocalDate;
import java.util.UUID;

/** The latest follow-up of an enterprise (latest visitedOn, then latest recorded): one row the work list joins. */
@Entity
public class FollowUpLatest extends PanacheEntityBase {
    @Id
    public String creditCode;

    public UUID followUpId;

    public LocalDate visitedOn;

    @Enumerated(EnumType.STRING)
    public BuildMode plannedBuildMode;

    public LocalDate expectedBy;
}
