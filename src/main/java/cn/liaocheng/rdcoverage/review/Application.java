package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.capacity.CapacityColumns;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One institution in one round, with the capacity declared at submission, its timeline, and the city's decision
 * (eligibility result, policy version, capacity source, override and reason).
 */
@Entity
@Audited
@Table(name = "application")
public class Application extends PanacheEntityBase {
    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "id", length = 36)
    public UUID id;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "institution_id", length = 36)
    public UUID institutionId;

    @Column(name = "round_id")
    public String roundId;

    /** The region of the lead (first) participant: its county screens the application. */
    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public ApplicationStatus status;

    /** The institution while the application is live, else null: unique per round in the database. */
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "live_institution_id", length = 36)
    public UUID liveInstitutionId;

    @Column(name = "capacity_year")
    public Integer capacityYear;
    /** The capacity declared at submission (the institution's year capacityYear); null for none (INDUSTRY). */
    @Embedded
    public CapacityColumns capacity;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "decision_policy_id")
    public String decisionPolicyId;

    @Column(name = "decision_capacity_source")
    public String decisionCapacitySource;

    @Column(name = "decision_result", length = 1_000_000)
    public String decisionResult;

    @Column(name = "override_applied")
    public boolean overrideApplied;

    @Column(name = "override_reason")
    public String overrideReason;

    @NotAudited
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_event", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    public List<Event> events = new ArrayList<>();

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** One step of the timeline: who did what, when, from which state to which, and why. */
    @Embeddable
    public static class Event {
        @Column(name = "action")
        public String action;
        @Column(name = "from_status")
        public String fromStatus;
        @Column(name = "to_status")
        public String toStatus;
        @Column(name = "actor")
        public String actor;
        @Column(name = "actor_role")
        public String actorRole;
        @Column(name = "comment", length = 2000)
        public String comment;
        @Column(name = "override_applied")
        public Boolean overrideApplied;
        @Column(name = "reason", length = 1000)
        public String reason;
        @Column(name = "at")
        public Instant at;
    }
}
