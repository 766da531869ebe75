package cn.liaocheng.rdcoverage.institution;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a revocation does to the awards of the institution (先建后补 pays "按标准建设研发机构的企业"; a revoked institution
 * no longer is one): the award ledger implements it, in the revocation's transaction.
 */
public interface RevokedAwards {
    /**
     * Cancels the institution's awards not yet paid (PROPOSED, APPROVED), each with the revocation as its reason;
     * DISBURSED ones stay as they are. Returns how many were cancelled.
     *
     * @param institutionId the revoked institution
     * @param revokedOn     the revocation date
     * @param reason        the revocation's reason (at most 500 characters)
     */
    int cancelUnpaid(UUID institutionId, LocalDate revokedOn, String reason);
}
