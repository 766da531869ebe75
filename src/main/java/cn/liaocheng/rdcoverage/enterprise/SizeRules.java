package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.eligibility.Policy;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.policy.Policies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;

/** Derives a year's size class and 规上 flag with the policy parameters for that statistical year. */
@ApplicationScoped
public class SizeRules {
    @Inject Policies policies;

    public record Derived(SizeClass sizeClass, boolean aboveDesignatedSize) {
    }

    public Derived derive(int year, int employees, BigDecimal revenue, Boolean declaredAboveSize) {
        Policy policy = policies.forStatisticalYear(year);
        return new Derived(policy.sizeClassification().classify(employees, revenue),
                declaredAboveSize != null ? declaredAboveSize : revenue.compareTo(policy.aboveDesignatedSizeRevenue()) >= 0);
    }

    public void apply(EnterpriseFigures f, int employees, BigDecimal revenue, Boolean declaredAboveSize) {
        Derived d = derive(f.year, employees, revenue, declaredAboveSize);
        f.employees = employees;
        f.revenue = revenue;
        f.sizeClass = d.sizeClass();
        f.aboveSizeDeclared = declaredAboveSize != null;
        f.aboveDesignatedSize = d.aboveDesignatedSize();
    }
}
