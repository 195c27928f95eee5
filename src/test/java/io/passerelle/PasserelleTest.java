package io.passerelle;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * An integration test on the real application context, served on a random port, and a real MariaDB. Every test class using
 * it shares one Spring context (same configuration), so the database starts once per run. A context has a database
 * of its own: an embedded MariaDB, or a fresh database on the server CI names ({@link DatabasePerTestContext}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextCustomizerFactories(DatabasePerTestContext.class)
public @interface PasserelleTest {}
