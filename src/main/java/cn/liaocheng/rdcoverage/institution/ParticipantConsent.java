package cn.liaocheng.rdcoverage.institution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A participant's confirmation that it takes part in an institution (issue 12, High 3). */
@Entity
@Table(name = "participant_consent")
@IdClass(ParticipantConsent.Key.class)
public class ParticipantConsent extends PanacheEntityBase {
    @Id
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "institution_id", length = 36)
    public UUID institutionId;

    @Id
    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_role")
    public String confirmedRole;

    public static class Key implements Serializable {
        public UUID institutionId;
        public String creditCode;

        public Key() {
        }

        public Key(UUID institutionId, String creditCode) {
            this.institutionId = institutionId;
            this.creditCode = creditCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.institutionId, institutionId) && Objects.equals(k.creditCode, creditCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(institutionId, creditCode);
        }
    }
}
