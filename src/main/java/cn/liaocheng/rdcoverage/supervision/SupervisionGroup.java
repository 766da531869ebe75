package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.common.db.UuidEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A supervision group (督导组): its members and the regions it stays on until every enterprise there is covered. */
@Entity
public class SupervisionGroup extends UuidEntity {
    public String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "supervision_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @OrderColumn(name = "position")
    public List<Member> members = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "supervision_group_region", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "region_code")
    public Set<String> regions = new TreeSet<>();

    @Embeddable
    public static class Member {
        public String supervisorId;

        public String name;

        public Member() {
        }

        public Member(String supervisorId, String name) {
            this.supervisorId = supervisorId;
            this.name = name;
        }
    }
}
