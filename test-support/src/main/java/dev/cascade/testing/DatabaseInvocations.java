package dev.cascade.testing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** One invocation per database for {@link AllDatabases} tests. */
final class DatabaseInvocations implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(AllDatabases.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    // CASCADE_DATABASES=H2,SQLITE runs the tests on those databases alone.
    Optional<List<String>> chosen =
        Optional.ofNullable(System.getenv("CASCADE_DATABASES")).map(names -> List.of(names.toUpperCase(Locale.ROOT).split(",")));
    return Stream.of(DatabaseKind.values())
        .filter(kind -> chosen.map(names -> names.contains(kind.name())).orElse(true))
        .map(Invocation::new);
  }

  private record Invocation(DatabaseKind kind) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int invocationIndex) {
      return "[" + kind + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Availability(kind), new Fresh(kind));
    }
  }

  /** Skips MariaDB, visibly, where no server runs (unless CI requires one). */
  private record Availability(DatabaseKind kind) implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (kind != DatabaseKind.MARIADB || MariaDb.required()) {
        return ConditionEvaluationResult.enabled("runs on " + kind);
      }
      Optional<String> unavailable = MariaDb.unavailable();
      if (unavailable.isPresent()) {
        String reason = "skipped on MariaDB: " + unavailable.get();
        if (Warned.once()) {
          System.err.println("[cascade] " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
      }
      return ConditionEvaluationResult.enabled("MariaDB is running");
    }
  }

  private static final class Warned {
    private static boolean done;

    static synchronized boolean once() {
      boolean first = !done;
      done = true;
      return first;
    }
  }

  /** Hands each invocation a new database, and drops it afterwards. */
  private record Fresh(DatabaseKind kind) implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      TestDatabase database = TestDatabase.create(kind);
      // JUnit closes an AutoCloseable value when its context ends.
      context
          .getStore(ExtensionContext.Namespace.create(DatabaseInvocations.class, kind))
          .put("database", database);
      return database;
    }
  }
}
