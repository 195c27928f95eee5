package io.passerelle;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context a database of its own on the server the tests were pointed at, as the embedded
 * MariaDB does by starting one per context. Contexts stay cached, paused, while others run: sharing one schema, a paused
 * context's relay would hold claims on another's outbox, and each context's random secrets key could not read the
 * connections another one wrote.
 */
class DatabasePerTestContext implements ContextCustomizerFactory {

    private static final AtomicInteger contexts = new AtomicInteger();

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestDatabaseServer.fromEnvironment().map(FreshDatabase::new).orElse(null);
    }

    /** Equal for every test class, so that it does not split the context cache; runs once per context built. */
    private record FreshDatabase(TestDatabaseServer server) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String url = server.freshDatabase("passerelle_test_" + contexts.incrementAndGet());
            TestPropertyValues.of("spring.datasource.url=" + url).applyTo(context);
        }
    }
}
