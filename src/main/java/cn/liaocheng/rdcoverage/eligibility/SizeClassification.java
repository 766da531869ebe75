package cn.liaocheng.rdcoverage.eligibility;

import java.math.BigDecimal;

/**
 * Size class bounds (国统字〔2017〕213号, industry rows). An enterprise is of the largest class whose lower
 * bounds on employees and on revenue both hold; if either fails, the class drops. Below SMALL is MICRO.
 */
public record SizeClassification(SizeBound large, SizeBound medium, SizeBound small) {

    public SizeClassification {
        Checks.required(large, "sizeClassification.large");
        Checks.required(medium, "sizeClassification.medium");
        Checks.required(small, "sizeClassification.small");
    }

    public SizeClass classify(long employees, BigDecimal revenue) {
        Checks.required(revenue, "revenue");
        if (large.admits(employees, revenue)) {
            return SizeClass.LARGE;
        }
        if (medium.admits(employees, revenue)) {
            return SizeClass.MEDIUM;
        }
        if (small.admits(employees, revenue)) {
            return SizeClass.SMALL;
        }
        return SizeClass.MICRO;
    }
}
