package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.security.Role;
import cn.liaocheng.rdcoverage.security.SupervisedRegions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Supervision groups (分片包干): the city sets them; a supervisor's scope is the union of the regions of the groups it
 * is a member of ({@link SupervisedRegions}, read by the security layer on each request).
 */
@ApplicationScoped
public class SupervisionService implements SupervisedRegions {
    @Inject EntityManager em;
    @Inject Regions regions;


    @Inject Scope scope;
    @Inject Clock clock;
    @Inject cn.liaocheng.rdcoverage.events.Changes changes; // the change feed (issue 16)

    @Override
    @SuppressWarnings("unchecked")
    public Set<String> of(String supervisorId) {
        List<String> rows = em.createNativeQuery("""
                select distinct r.region_code from supervision_group_member m
                join supervision_group_region r on r.group_id = m.group_id
                where m.supervisor_id = :id""").setParameter("id", supervisorId).getResultList();
        return new TreeSet<>(rows);
    }

    public PageResult<GroupView> list(PageQuery paging) {
        paging.validate();
        Where inScope = scope.supervisionGroups(new Where(), "g");
        return paging.of(SupervisionGroup.<SupervisionGroup>find("from SupervisionGroup g" + inScope.clause() + " order by g.name, g.id",
                inScope.params()), this::view);
    }

    public GroupView get(String rawId) {
        return view(find(rawId));
    }

    @Transactional
    public GroupView create(GroupInput input) {
        SupervisionGroup g = new SupervisionGroup();
        Instant now = Instant.now(clock);
        g.createdAt = now;
        apply(g, input, now);
        g.persist();
        SupervisionGroup.flush();
        return changes.recorded(cn.liaocheng.rdcoverage.events.EventType.SUPERVISION_GROUP_CREATED, g.id, view(g));
    }

    @Transactional
    public GroupView replace(String rawId, GroupInput input, String ifMatch) {
        SupervisionGroup g = find(rawId);
        ETags.checkIfMatch(ifMatch, g.version);
        apply(g, input, Instant.now(clock));
        SupervisionGroup.flush();
        return changes.recorded(cn.liaocheng.rdcoverage.events.EventType.SUPERVISION_GROUP_UPDATED, g.id, view(g));
    }

    @Transactional
    public void delete(String rawId, String ifMatch) {
        SupervisionGroup g = find(rawId);
        ETags.requireIfMatch(ifMatch, g.version, "supervision group " + g.id);
        GroupView before = view(g);
        g.delete();
        changes.deleted(cn.liaocheng.rdcoverage.events.EventType.SUPERVISION_GROUP_DELETED, g.id, before);
    }

    private void apply(SupervisionGroup g, GroupInput in, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<SupervisionGroup.Member> members = new ArrayList<>();
        for (int i = 0; i < in.members().size(); i++) {
            GroupInput.MemberInput m = in.members().get(i);
            String id = m.supervisorId().trim();
            if (!ids.add(id)) {
                errors.add(new Problem.FieldError("members[" + i + "].supervisorId", FieldMessage.of("appears twice", "field.DUPLICATE.item")));
            }
            members.add(new SupervisionGroup.Member(id, m.name() == null || m.name().isBlank() ? null : m.name().trim()));
        }
        Set<String> codes = new TreeSet<>();
        for (int i = 0; i < in.regionCodes().size(); i++) {
            String code = in.regionCodes().get(i).trim();
            if (!regions.exists(code)) {
                errors.add(new Problem.FieldError("regionCodes[" + i + "]",
                        Regions.unknown(code)));
            } else if (!codes.add(code)) {
                errors.add(new Problem.FieldError("regionCodes[" + i + "]", FieldMessage.of("appears twice", "field.DUPLICATE.item")));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        g.name = in.name().trim();
        g.members.clear();
        g.members.addAll(members);
        g.regions.clear();
        g.regions.addAll(codes);
        g.updatedAt = now;
    }

    private SupervisionGroup find(String rawId) {
        return Where.findOr404("Supervision group", rawId, id -> SupervisionGroup.findById(id), this::visible);
    }

    private boolean visible(SupervisionGroup g) {
        return scope.supervisionGroup(g.members.stream().map(m -> m.supervisorId).toList(), g.regions);
    }

    private GroupView view(SupervisionGroup g) {
        return new GroupView(g.id.toString(), g.name,
                g.members.stream().map(m -> new GroupView.MemberView(m.supervisorId, m.name)).toList(),
                g.regions.stream().sorted().map(code -> {
                    Regions.RegionView r = regions.get(code);
                    return new GroupView.RegionRef(code, r == null ? null : r.name());
                }).toList(),
                g.createdAt, g.updatedAt, g.version);
    }
}
