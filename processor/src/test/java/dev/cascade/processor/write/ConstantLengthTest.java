package dev.cascade.processor.write;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import dev.cascade.processor.plan.Constant;
import dev.cascade.processor.plan.Dialect;
import dev.cascade.processor.plan.Program;
import dev.cascade.processor.plan.Programs;
import dev.cascade.processor.plan.SqlText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The class file's limit on a String constant: how long a constant's folded value is, how a long
 * literal is cut, and that a constant over the limit compiles and holds the same text.
 */
class ConstantLengthTest {
  private static final ClassName FIELDS = ClassName.get("test", "Fields");

  @Test
  void lengthCountsModifiedUtf8Bytes() {
    assertThat(ConstantLength.of("")).isEqualTo(0);
    assertThat(ConstantLength.of("SELECT 1")).isEqualTo(8);
    // NUL takes two bytes in modified UTF-8, é two, € three, and each half of 😀 three.
    assertThat(ConstantLength.of("\u0000")).isEqualTo(2);
    assertThat(ConstantLength.of("café")).isEqualTo(5);
    assertThat(ConstantLength.of("5 €")).isEqualTo(5);
    assertThat(ConstantLength.of("😀")).isEqualTo(6);
    assertThat(ConstantLength.of("x".repeat(ConstantLength.LIMIT))).isEqualTo(65_535);
  }

  @Test
  void splitKeepsTextThatFitsAndCutsTheRestIntoPiecesThatFit() {
    assertThat(ConstantLength.split("abc", 3)).containsExactly("abc");
    assertThat(ConstantLength.split("", 3)).containsExactly("");
    assertThat(ConstantLength.split("abcdefg", 3)).containsExactly("abc", "def", "g").inOrder();
    // é is two bytes: "aé" fits in three, "aéé" does not.
    assertThat(ConstantLength.split("aééa", 3)).containsExactly("aé", "éa").inOrder();
    // A surrogate pair (six bytes) is never cut, even when it does not fit alone.
    assertThat(ConstantLength.split("a😀b", 4)).containsExactly("a", "😀", "b").inOrder();

    String text = "é€x".repeat(20_000);
    List<String> pieces = ConstantLength.split(text, ConstantLength.LIMIT);
    assertThat(pieces.size()).isGreaterThan(1);
    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(pieces.stream().mapToInt(ConstantLength::of).max().getAsInt()).isAtMost(ConstantLength.LIMIT);
  }

  @Test
  void aConstantUnderTheLimitIsOnePlusOfConstants() {
    Program program =
        Programs.of(
            new Constant("IN_CASCADE", "Posts in the cascade.", SqlText.of("SELECT id FROM posts WHERE user_id IN (<ids>)"), Map.of()),
            new Constant(
                "DELETE_COMMENTS",
                "Deletes comments.",
                SqlText.builder().text("DELETE FROM comments WHERE post_id IN (").ref("IN_CASCADE").text(")").build(),
                Map.of()));

    String source = fields(program, "DELETE_COMMENTS");

    assertThat(source)
        .contains(
            "  private static final String DELETE_COMMENTS = \"DELETE FROM comments WHERE post_id IN (\"\n"
                + "      + IN_CASCADE + \")\";\n");
    assertThat(source).doesNotContain("join");
  }

  /**
   * A statement naming a long subquery twice, with non-ASCII text, and one literal longer than a
   * constant may be: each would stop javac if written as one {@code +}.
   */
  @Test
  void aConstantOverTheLimitIsJoinedAtRunTimeAndHoldsTheSameText() throws Exception {
    String subquery = "SELECT id FROM notes WHERE body = 'café €' OR title IN (" + "'é', ".repeat(6_000) + "'x')";
    Program program =
        Programs.of(
            new Constant("NOTES", "Notes.", SqlText.of(subquery), Map.of()),
            new Constant(
                "CHECKS",
                "Both checks.",
                SqlText.builder()
                    .text("SELECT 1 FROM (").ref("NOTES").text(") AS a UNION ALL SELECT 2 FROM (").ref("NOTES").text(") AS b")
                    .build(),
                Map.of()),
            new Constant("WIDE", "One literal over the limit.", SqlText.of("SELECT '" + "ü".repeat(40_000) + "'"), Map.of()),
            new Constant(
                "BOTH",
                "Names a joined constant.",
                SqlText.builder().text("SELECT * FROM (").ref("CHECKS").text(") AS c WHERE 1 = 1").build(),
                Map.of()));
    assertThat(ConstantLength.of(subquery)).isGreaterThan(ConstantLength.LIMIT / 2);

    String source = fields(program, "NOTES", "CHECKS", "WIDE", "BOTH");

    assertThat(source).contains("  private static final String CHECKS = String.join(\"\",\n      \"SELECT 1 FROM (\" + NOTES");
    assertThat(source).contains("<p>Joined when the class loads: as one {@code +} javac would fold it into a constant of");
    assertThat(source).contains("  private static final String WIDE = String.join(\"\",\n");
    assertThat(source).contains("  private static final String BOTH = String.join(\"\",\n      \"SELECT * FROM (\",\n      CHECKS,\n");
    assertThat(source).doesNotContain("String NOTES = String.join");
    Compilation compilation = javac().compile(JavaFileObjects.forSourceString(FIELDS.canonicalName(), source));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> fields = load(compilation);
    for (String name : List.of("NOTES", "CHECKS", "WIDE", "BOTH")) {
      Method value = fields.getDeclaredMethod("value", String.class);
      assertThat((String) value.invoke(null, name)).isEqualTo(program.render(name, Dialect.H2));
    }
  }

  /** A class with the program's fields, and {@code value(name)} to read them back. */
  private static String fields(Program program, String... names) {
    Members members = new Members("  ");
    new SqlFields(program).addFields(members);
    Code cases = new Code();
    for (String name : names) {
      cases.add("      case $S -> $N;\n", name, name);
    }
    Code file =
        Code.of("public final class Fields {\n$L\n", members.code())
            .add("  public static String value(String name) {\n    return switch (name) {\n$L", cases)
            .add("      default -> throw new IllegalArgumentException(name);\n    };\n  }\n}\n");
    return SourceFile.of(FIELDS, null, Set.of(), file).text();
  }

  private static Class<?> load(Compilation compilation) throws ClassNotFoundException {
    JavaFileObject file =
        compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "test", "Fields.class").orElseThrow();
    byte[] bytes;
    try (InputStream in = file.openInputStream()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ClassLoader(ConstantLengthTest.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!name.equals(FIELDS.canonicalName())) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    }.loadClass(FIELDS.canonicalName());
  }
}
