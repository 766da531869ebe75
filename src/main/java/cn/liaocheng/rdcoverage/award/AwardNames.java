package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import cn.liaocheng.rdcoverage.institution.Institution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The names the finance CSV of awards shows beside the enterprise's credit code and the institution's id. Each is read
 * in a short transaction of its own, because the export streams after the request (and its transaction) is over;
 * an enterprise or institution removed since is an empty name.
 */
@ApplicationScoped
public class AwardNames {
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String enterprise(String creditCode) {
        Enterprise e = Enterprise.findById(creditCode);
        return e == null ? "" : e.name;
    }

    /** @param institutionId an id the award service wrote itself */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String institution(String institutionId) {
        Institution i = Institution.findById(UUID.fromString(institutionId));
        return i == null ? "" : i.name;
    }
}
