package cn.liaocheng.rdcoverage.region;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** 所属县市区: a county, district, county-level city or city development zone. Reference data. */
@Entity
@Audited
@Table(name = "region")
public class Region extends PanacheEntityBase {
    @Schema(name = "RegionKind")
    public enum RegionKind { DISTRICT, COUNTY, COUNTY_CITY, ZONE }

    @Id
    @Column(name = "code")
    public String code;

    @Column(name = "name")
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    public RegionKind kind;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
