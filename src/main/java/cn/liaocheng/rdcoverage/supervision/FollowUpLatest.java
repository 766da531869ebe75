package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.UUID;

/** The latest follow-up of an enterprise (latest visitedOn, then latest recorded): one row the work list joins. */
@Entity
@Table(name = "follow_up_latest")
public class FollowUpLatest extends PanacheEntityBase {
    @Id
    @Column(name = "credit_code")
    public String creditCode;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "follow_up_id", length = 36)
    public UUID followUpId;

    @Column(name = "visited_on")
    public LocalDate visitedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "planned_build_mode")
    public BuildMode plannedBuildMode;

    @Column(name = "expected_by")
    public LocalDate expectedBy;
}
