package io.passerelle.shared.database;

import io.passerelle.shared.RuleViolationException;
import java.util.Optional;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.RootClassFilter;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Turns the database's refusal of a duplicate into the refusal the service's own check gives, in one place for every
 * {@link DuplicateKeyRefusals} service: the person who lost a race reads the same message, next to the same field,
 * as the one who typed a name already taken.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateKeyTranslation {

    /** Outermost, around the transaction: an update is flushed, and refused, at commit. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor duplicateKeyTranslationAdvisor() {
        var advisor = new DefaultPointcutAdvisor(new ComposablePointcut(new RootClassFilter(DuplicateKeyRefusals.class)),
                (MethodInterceptor) DuplicateKeyTranslation::translate);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    private static Object translate(MethodInvocation invocation) throws Throwable {
        try {
            return invocation.proceed();
        } catch (DataIntegrityViolationException refused) {
            Optional<RuleViolationException> refusal = invocation.getThis() instanceof DuplicateKeyRefusals service
                    ? DuplicateKey.of(refused).flatMap(service::refusalOf)
                    : Optional.empty();
            if (refusal.isEmpty()) {
                throw refused;
            }
            throw (RuleViolationException) refusal.get().initCause(refused);
        }
    }
}
