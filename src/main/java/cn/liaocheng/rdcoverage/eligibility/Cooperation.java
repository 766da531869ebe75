package cn.liaocheng.rdcoverage.eligibility;

import java.time.LocalDate;

/**
 * A science and technology cooperation agreement (科技合作协议) with an academic partner.
 *
 * @param partner      name of the university or research institute
 * @param partnerKind  UNIVERSITY or RESEARCH_INSTITUTE; anything else (null) does not count
 * @param signedOn     date signed; an agreement signed after the evaluation date does not count yet
 * @param validUntil   last day in force, inclusive; {@code null} = open-ended
 * @param activities   cooperation activities carried out (产学研合作活动); blank = none, does not count
 */
public record Cooperation(String partner, PartnerKind partnerKind, LocalDate signedOn, LocalDate validUntil,
        String activities) {
}
