package cn.liaocheng.rdcoverage.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Counts calls of this endpoint per caller against the named limit of {@link RateLimits}, before the body is read. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    /** "imports" or "assessments". */
    String value();
}
