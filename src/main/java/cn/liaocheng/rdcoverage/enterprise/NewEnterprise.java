package cn.liaocheng.rdcoverage.enterprise;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's name for the body of {@code POST /api/v1/enterprises}: an {@link EnterpriseInput} whose
 * {@code creditCode} is required (a PUT takes the code from its path, so the shared schema leaves it optional, and a
 * generated client would let a create omit it). Schema only: the service reads the body as {@link EnterpriseInput}
 * and answers a missing code with a 400 naming {@code creditCode}.
 */
@Schema(name = "NewEnterprise", allOf = EnterpriseInput.class, requiredProperties = "creditCode",
        description = "An enterprise to register: the fields of EnterpriseInput, creditCode required")
final class NewEnterprise {
    private NewEnterprise() {
    }
}
