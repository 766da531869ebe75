package cn.liaocheng.rdcoverage.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import org.hibernate.envers.RevisionListener;

/** Stamps each revision with the caller of the request that made it ("system" outside requests). */
public class AuditRevisionListener implements RevisionListener {
    @Override
    public void newRevision(Object revisionEntity) {
        AuditRevision revision = (AuditRevision) revisionEntity;
        ManagedContext request = Arc.container().requestContext();
        if (request.isActive()) {
            Caller caller = Arc.container().instance(Caller.class).get();
            if (caller.authenticated()) {
                revision.subject = caller.subject();
                Role role = caller.role();
                revision.role = role == null ? null : role.name();
                return;
            }
        }
        revision.subject = "system";
    }
}
