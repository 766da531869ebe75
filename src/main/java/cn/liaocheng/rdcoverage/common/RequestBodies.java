package cn.liaocheng.rdcoverage.common;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidatorFactory;

import java.util.Set;

/**
 * Checks a request body against its Bean Validation constraints, for endpoints on a hot path: the same constraints
 * and the same 400 (field names included) as {@code @Valid} on the parameter, without the method-validation
 * interceptor around the call, and without Hibernate Validator's per-call traversal cache (request bodies are plain
 * records, every property of which is traversed: {@link RequestBodiesTraversal}). Measured in bench/README.md.
 */
@Singleton
public class RequestBodies {
    private final Validator validator;

    @Inject
    RequestBodies(ValidatorFactory validators) {
        this.validator = validators.unwrap(HibernateValidatorFactory.class).usingContext()
                .enableTraversableResolverResultCache(false).getValidator();
    }

    /** The body, if present and valid; else a 400 naming every invalid field. */
    public <T> T valid(T body) {
        ApiException.requireBody(body);
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
