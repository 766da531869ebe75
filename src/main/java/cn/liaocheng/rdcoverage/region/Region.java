package cn.liaocheng.rdcoverage.region;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;

/** 所属县市区: a county, district, county-level city or city development zone. Reference data. */
@Entity
@Audited
public class Region extends PanacheEntityBase {
    @Schema(name = "RegionKind")
    public enum RegionKind { DISTRICT, COUNTY, COUNTY_CITY, ZONE }

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public RegionKind kind;

    @Version
    public long version;

    public Instant updatedAt;
}
