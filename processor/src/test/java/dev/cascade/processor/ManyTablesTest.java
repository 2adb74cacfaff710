package dev.cascade.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cascade.processor.Sources.compile;
import static dev.cascade.processor.Sources.generatedSource;
import static dev.cascade.processor.Sources.model;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A root with 240 tables below it: the step lists of its deleter, written in the class's static
 * initializer, came to more than the 64 KB of code a class file allows a method, and javac
 * stopped in the generated source with "code too large". A class whose lists are that long now
 * writes each in parts, a method each, that its field joins.
 */
class ManyTablesTest {
  @Test
  void aRootWithTwoHundredFortyTablesBelowItCompiles() {
    Compilation compilation = compile(accountWithTables(240));

    assertThat(compilation).succeeded();
    String deleter = generatedSource(compilation, "test.AccountDeleter");
    assertThat(deleter).contains("static final CascadeSchema SCHEMA = CascadeSchema.of(StepList.joined(");
    assertThat(deleter).contains("private static Object[] schemaPart2() {");
    assertThat(deleter).contains("Rows 1 to 500 of {@link #SCHEMA}.");
    assertThat(deleter).contains("private static final Strategy SOFT = Strategy.of(DeleteStrategy.SOFT, StepList.joined(");
    String restorer = generatedSource(compilation, "test.AccountRestorer");
    assertThat(restorer).contains("private static final TrashRestore TRASH = TrashRestore.of(StepList.joined(");
  }

  @Test
  void aModelWithFewTablesKeepsItsListsInItsFields() {
    Compilation compilation = compile(accountWithTables(10));

    assertThat(compilation).succeeded();
    String deleter = generatedSource(compilation, "test.AccountDeleter");
    assertThat(deleter).doesNotContain("StepList");
    assertThat(deleter).contains("static final CascadeSchema SCHEMA = CascadeSchema.of(");
  }

  /** An account that has many rows of each of this many tables. */
  private static JavaFileObject[] accountWithTables(int tables) {
    List<String> names = IntStream.range(0, tables).mapToObj(i -> String.format("T%03d", i)).toList();
    List<JavaFileObject> models = new ArrayList<>();
    models.add(
        model(
            "Account",
            "@Table(\"accounts\")\n"
                + names.stream().map(name -> "@HasMany(" + name + ".class)\n").collect(Collectors.joining())
                + "@Deletable(strategy = DeleteStrategy.SOFT)\n"
                + "public record Account(long id, String name, Instant deletedAt) {}\n"));
    for (String name : names) {
      models.add(
          model(
              name,
              "@Table(\"" + name.toLowerCase() + "\")\n"
                  + "public record " + name + "(long id, @BelongsTo(Account.class) long accountId, String name,"
                  + " Instant deletedAt) {}\n"));
    }
    return models.toArray(JavaFileObject[]::new);
  }
}
