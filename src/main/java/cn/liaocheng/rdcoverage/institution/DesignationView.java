package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;

/** A designation as the API shows it; {@code active} says whether it counts today. */
public record DesignationView(String id, String institutionId, DesignationLevel level, @Schema(nullable = true) String program,
                              LocalDate grantedOn, @Schema(nullable = true) LocalDate revokedOn, @Schema(nullable = true) String revocationReason,
                              Instant createdAt, Instant updatedAt, @JsonIgnore long version) implements Versioned {
    static DesignationView of(Designation d) {
        return new DesignationView(d.id.toString(), d.institutionId.toString(), d.level, d.program, d.grantedOn,
                d.revokedOn, d.revocationReason, d.createdAt, d.updatedAt, d.version);
    }
}
