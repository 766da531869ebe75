package cn.liaocheng.rdcoverage.common;

import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import java.lang.annotation.ElementType;

/**
 * Bean Validation here checks request bodies only (records read from JSON, never JPA entities; Hibernate ORM
 * validates entities with its own resolver). So every property is reachable and cascadable, and the JPA-aware
 * resolver that Quarkus would otherwise install, which asks the persistence unit about each property of each
 * request, is not needed.
 */
@Singleton
public class RequestBodiesTraversal implements TraversableResolver {
    @Override
    public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean, ElementType elementType) {
        return true;
    }
}
