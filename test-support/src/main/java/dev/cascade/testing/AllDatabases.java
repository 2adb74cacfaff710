package dev.cascade.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once per database of {@link DatabaseKind}, each time with a fresh, empty {@link
 * TestDatabase} parameter. MariaDB runs on the packaged server (Linux x86-64) or on the one {@code
 * CASCADE_MARIADB_URL} names; where neither can, it is skipped with a message saying so.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DatabaseInvocations.class)
public @interface AllDatabases {}
