package cn.liaocheng.rdcoverage.eligibility;

/**
 * The platform whose expert service team serves an INDUSTRY-mode institution.
 *
 * @param certificationLevel {@code null} is read as {@link CertificationLevel#NONE}
 */
public record Platform(String name, PlatformKind kind, CertificationLevel certificationLevel) {
}
