package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.capacity.CapacityColumns;
import cn.liaocheng.rdcoverage.common.db.UuidEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

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
public class Application extends UuidEntity {
    public UUID institutionId;

    public String roundId;

    /** The region of the lead (first) participant: its county screens the application. */
    public String regionCode;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    /** The institution while the application is live, else null: unique per round in the database. */
    public UUID liveInstitutionId;

    public Integer capacityYear;
    /** The capacity declared at submission (the institution's year capacityYear); null for none (INDUSTRY). */
    @Embedded
    public CapacityColumns capacity;

    public LocalDate submittedOn;

    public LocalDate decidedOn;

    public String decisionPolicyId;

    public String decisionCapacitySource;

    @Column(length = 1_000_000)
    public String decisionResult;

    public boolean overrideApplied;

    public String overrideReason;

    @NotAudited
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_event", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    public List<Event> events = new ArrayList<>();

    /** One step of the timeline: who did what, when, from which state to which, and why. */
    @Embeddable
    public static class Event {
        public String action;
        public String fromStatus;
        public String toStatus;
        public String actor;
        public String actorRole;
        @Column(length = 2000)
        public String comment;
        public Boolean overrideApplied;
        @Column(length = 1000)
        public String reason;
        public Instant at;
    }
}
