package cn.liaocheng.rdcoverage.eligibility;

import java.math.BigDecimal;

/**
 * A participant enterprise as the eligibility rules see it: figures of the statistical year used.
 *
 * @param creditCode          unified social credit code (统一社会信用代码), the enterprise's identity
 * @param employees           从业人员 (persons)
 * @param revenue             营业收入 (yuan)
 * @param aboveDesignatedSize 规上 as reported; {@code null} = derive it from revenue, see
 *                            {@link Policy#aboveDesignatedSize(Participant)}
 * @param previouslyAwarded   the enterprise already received the city's one-time award (不重复支持)
 * @param previouslyRecognized the enterprise took part in another institution recognised before (the historic
 *                            register included, revoked or not): this recognition is not its first (初次通过审核确认)
 */
public record Participant(String creditCode, long employees, BigDecimal revenue, Boolean aboveDesignatedSize,
        boolean previouslyAwarded, boolean previouslyRecognized) {

    /** A participant with no earlier recognition known (a what-if assessment, 自评). */
    public Participant(String creditCode, long employees, BigDecimal revenue, Boolean aboveDesignatedSize,
            boolean previouslyAwarded) {
        this(creditCode, employees, revenue, aboveDesignatedSize, previouslyAwarded, false);
    }
}
