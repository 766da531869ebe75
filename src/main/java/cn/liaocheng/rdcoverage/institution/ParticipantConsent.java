package cn.liaocheng.rdcoverage.institution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A participant's confirmation that it takes part in an institution (issue 12, High 3). */
@Entity
@IdClass(ParticipantConsent.Key.class)
public class ParticipantConsent extends PanacheEntityBase {
    @Id
    public UUID institutionId;

    @Id
    public String creditCode;

    public Instant confirmedAt;

    public String confirmedBy;

    public String confirmedRole;

    /** The {@code @IdClass}: an institution and one of its participants. */
    public record Key(UUID institutionId, String creditCode) implements Serializable {
    }
}
