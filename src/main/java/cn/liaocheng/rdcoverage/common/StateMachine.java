package cn.liaocheng.rdcoverage.common;

import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A state machine written as one table: an enum of actions, each row naming the states the action is taken from,
 * the state it leads to and the roles that take it ({@code ApplicationAction}, {@code RoundAction},
 * {@code AwardAction}; docs/domain.md "State machines"). The same row decides the transition, the role check (403)
 * and the actions a 409 or a view lists as allowed, so these cannot disagree. Scope (404, or 403 for an object seen
 * but not acted for) stays with {@code security.Scope}.
 */
public final class StateMachine {
    private StateMachine() {
    }

    /** One row: from any of {@code from} to {@code to}, taken by any of {@code roles} (in the order given). */
    public record Rule<S extends Enum<S>>(Set<S> from, S to, List<Role> roles) {
        public Rule {
            from = Set.copyOf(from);
            roles = List.copyOf(roles);
        }
    }

    /** An action of a table: implemented by an enum whose constants are the rows. */
    public interface Action<S extends Enum<S>> {
        Rule<S> rule();

        String name();

        /** Who takes the action, for a 403: the table's roles joined by "or". */
        default String takenBy() {
            return roleNames(" or ");
        }

        /** Who takes the action, for a 403's Chinese detail: the table's roles joined by "、". */
        default String takenByChinese() {
            return roleNames("、");
        }

        private String roleNames(String separator) {
            return String.join(separator, rule().roles().stream().map(Role::name).toList());
        }
    }

    /** Whether one of the caller's roles is among the action's roles in the table. */
    public static <A extends Action<?>> Predicate<A> callerTakes(Caller caller) {
        return action -> action.rule().roles().stream().anyMatch(caller::is);
    }

    /** The actions of {@code table} allowed from {@code state} that {@code mayTake} accepts, in table order. */
    public static <S extends Enum<S>, A extends Enum<A> & Action<S>> List<A> allowed(Class<A> table, S state,
                                                                                  Predicate<? super A> mayTake) {
        List<A> allowed = new ArrayList<>();
        for (A a : table.getEnumConstants()) {
            if (a.rule().from().contains(state) && mayTake.test(a)) {
                allowed.add(a);
            }
        }
        return allowed;
    }

    /** 403 "ACTION is taken by ROLE or ROLE" unless {@code mayTake} accepts the action. */
    public static <A extends Action<?>> void requireRole(A action, Predicate<? super A> mayTake) {
        if (!mayTake.test(action)) {
            throw ApiException.forbidden(action.name() + " is taken by " + action.takenBy())
                    .zh("detail.forbidden.taken-by", action.name(), action.takenByChinese());
        }
    }

    /**
     * The state {@code action} leads to from {@code state}; when the table has no such row, the 409 that
     * {@code illegal} builds from the actions allowed from {@code state} that {@code mayTake} accepts.
     */
    public static <S extends Enum<S>, A extends Enum<A> & Action<S>> S next(A action, S state, Predicate<? super A> mayTake,
                                                                         Function<List<A>, ApiException> illegal) {
        if (!action.rule().from().contains(state)) {
            throw illegal.apply(allowed(action.getDeclaringClass(), state, mayTake));
        }
        return action.rule().to();
    }
}
