package cn.liaocheng.rdcoverage.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A supervision group (督导组): its members and the regions it stays on until every enterprise there is covered. */
@Entity
@Table(name = "supervision_group")
public class SupervisionGroup extends PanacheEntityBase {
    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "id", length = 36)
    public UUID id;

    @Column(name = "name")
    public String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "supervision_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @OrderColumn(name = "position")
    public List<Member> members = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "supervision_group_region", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "region_code")
    public Set<String> regions = new TreeSet<>();

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Embeddable
    public static class Member {
        @Column(name = "supervisor_id")
        public String supervisorId;

        @Column(name = "name")
        public String name;

        public Member() {
        }

        public Member(String supervisorId, String name) {
            this.supervisorId = supervisorId;
            this.name = name;
        }
    }
}
