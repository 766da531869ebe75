package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "SupervisionGroup")
public record GroupView(String id, String name, List<MemberView> members, List<RegionRef> regions, Instant createdAt,
                        Instant updatedAt, long version) implements Versioned {

    @Schema(name = "SupervisionGroupMember")
    public record MemberView(String supervisorId,
                             @Schema(description = "the member's name as the city gave it; null when it gave none",
                                     nullable = true) String name) {
    }

    @Schema(name = "SupervisionGroupRegion")
    public record RegionRef(String regionCode, String regionName) {
    }
}
