package cn.liaocheng.rdcoverage.policy;

import cn.liaocheng.rdcoverage.common.Versioned;
import cn.liaocheng.rdcoverage.eligibility.Interpretations;
import cn.liaocheng.rdcoverage.eligibility.Policy;
import cn.liaocheng.rdcoverage.eligibility.SizeClassification;
import cn.liaocheng.rdcoverage.eligibility.Standard;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** A policy version as the API shows it: its parameters, the clause each comes from, and whether a stored decision has locked it. */
public record PolicyView(String id, LocalDate effectiveFrom, String title, boolean locked,
                         SizeClassification sizeClassification, BigDecimal aboveDesignatedSizeRevenue,
                         int minCooperations, Map<Tier, Standard> standards, Map<Tier, BigDecimal> awards,
                         Interpretations interpretations,
                         @Schema(description = "Per parameter (its name, or interpretations.<name>), the clause of the policy text it comes from")
                         Map<String, String> references, @JsonIgnore long version) implements Versioned {
    static PolicyView of(Policy p, boolean locked, long version) {
        return new PolicyView(p.id(), p.effectiveFrom(), p.title(), locked, p.sizeClassification(),
                p.aboveDesignatedSizeRevenue(), p.minCooperations(), p.standards(), p.awards(), p.interpretations(),
                p.references(), version);
    }
}
