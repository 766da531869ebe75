package cn.liaocheng.rdcoverage.eligibility;

import java.time.LocalDate;

/**
 * Service agreement between an expert (or the expert service team) and the enterprise, INDUSTRY mode.
 *
 * @param validUntil last day in force, inclusive; {@code null} = open-ended
 */
public record ServiceAgreement(String expert, LocalDate signedOn, LocalDate validUntil) {
}
