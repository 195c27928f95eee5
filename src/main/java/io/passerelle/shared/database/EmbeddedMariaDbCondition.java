package io.passerelle.shared.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Embedded database on request, unless an external one is named. */
class EmbeddedMariaDbCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        boolean requested = env.getProperty("passerelle.embedded-db.enabled", Boolean.class, false);
        String url = env.getProperty("spring.datasource.url", "");
        return requested && url.isBlank();
    }
}
