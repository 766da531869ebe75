package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.award.CountyAwardPolicyResource.CountyAwardPolicyView;
import cn.liaocheng.rdcoverage.award.CountyAwardPolicyResource.PolicyInput;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldCodes;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A county's supplement policy versions (各县也应制定配套奖补政策): who may publish one (the county's own officer, the
 * city, admin: 403 otherwise; an unknown region is a 404), the checks of a version and its storage, with its event
 * on the change feed.
 */
@ApplicationScoped
public class CountyAwardPolicyService {
    @Inject Regions regions;
    @Inject Scope scope;
    @Inject Clock clock;
    @Inject Changes changes; // the change feed (issue 16)

    /** The largest county supplement per tier, in yuan (with fen). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    /** The region's versions, oldest first (404 for an unknown region). */
    public List<CountyAwardPolicyView> list(String code) {
        region(code);
        return CountyAwardPolicy.<CountyAwardPolicy>list("regionCode = ?1 order by effectiveFrom", code)
                .stream().map(CountyAwardPolicyView::of).toList();
    }

    /** 404 for an unknown region, 403 when the caller does not act for it (a county officer of another county). */
    public void checkPublisher(String code) {
        region(code);
        if (!scope.actsFor(code)) {
            throw ApiException.forbidden("A county officer sets only its own region's supplement");
        }
    }

    /**
     * Stores a new version for the region after checking it: FIXED needs a valid amount for every tier, PERCENT its
     * percentage (400 naming the fields); a version of the same date is a 409.
     */
    @Transactional
    public CountyAwardPolicyView store(String code, PolicyInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.mode() == CountyAwardPolicy.Mode.FIXED) {
            checkAmounts(in.amounts(), errors);
        }
        if (in.mode() == CountyAwardPolicy.Mode.PERCENT && in.percentOfCity() == null) {
            errors.add(new Problem.FieldError("percentOfCity", FieldMessage.of("PERCENT needs the percentage of the city award", "field.REQUIRED.percent")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (CountyAwardPolicy.count("regionCode = ?1 and effectiveFrom = ?2", code, in.effectiveFrom()) > 0) {
            throw ApiException.conflict("duplicate", "Region " + code + " already has a supplement taking effect on " + in.effectiveFrom()).zh("detail.duplicate.county-award-policy", code, in.effectiveFrom());
        }
        CountyAwardPolicy p = new CountyAwardPolicy();
        p.regionCode = code;
        p.effectiveFrom = in.effectiveFrom();
        p.mode = in.mode();
        if (in.mode() == CountyAwardPolicy.Mode.FIXED) {
            p.amounts = new EnumMap<>(in.amounts());
        } else {
            p.percentOfCity = in.percentOfCity();
        }
        p.createdAt = Instant.now(clock);
        p.persistAndFlush();
        return changes.recorded(EventType.AWARD_POLICY_PUBLISHED, p.id, CountyAwardPolicyView.of(p));
    }

    /** FIXED amounts: one for every tier, each 0 to 100,000,000 yuan with at most 2 decimals, named amounts.TIER. */
    private static void checkAmounts(Map<Tier, BigDecimal> amounts, List<Problem.FieldError> errors) {
        if (amounts == null) {
            errors.add(new Problem.FieldError("amounts", "FIXED needs an amount for LARGE, MEDIUM and SMALL", FieldCodes.REQUIRED));
            return;
        }
        for (Tier tier : Tier.values()) {
            BigDecimal yuan = amounts.get(tier);
            String field = "amounts." + tier;
            if (yuan == null) {
                errors.add(new Problem.FieldError(field, "is required: FIXED needs an amount for LARGE, MEDIUM and SMALL", FieldCodes.REQUIRED));
            } else if (yuan.signum() < 0 || yuan.compareTo(MAX_AMOUNT) > 0) {
                errors.add(new Problem.FieldError(field, "must be from 0 to 100000000 (yuan)", FieldCodes.OUT_OF_RANGE));
            } else if (yuan.stripTrailingZeros().scale() > 2) {
                errors.add(new Problem.FieldError(field, "must have at most 2 decimals (yuan and fen)", FieldCodes.OUT_OF_RANGE));
            }
        }
    }

    private void region(String code) {
        if (!regions.exists(code)) {
            throw ApiException.notFound("Region", code);
        }
    }
}
