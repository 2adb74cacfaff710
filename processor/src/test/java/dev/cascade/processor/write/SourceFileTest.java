package dev.cascade.processor.write;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How a generated file is laid out from its {@link Code}: the placeholders, the imports it chooses,
 * and where it breaks a long line. The golden files check whole deleters and restorers; this
 * checks the cases they do not reach.
 */
class SourceFileTest {
  private static final ClassName DELETER = ClassName.get("com.example", "UserDeleter");

  @Test
  void placeholdersFillInOrderAndAStringIsEscapedAsJavaWritesIt() {
    Code code = Code.of("$N = $S; $L $$", "NAME", "a \"b\" \\ c\n\t\u0000", 42);

    assertThat(render(code)).isEqualTo("NAME = \"a \\\"b\\\" \\\\ c\\n\\t\\u0000\"; 42 $");
    assertThrows(IllegalArgumentException.class, () -> Code.of("$S", "a", "b"));
    assertThrows(IllegalArgumentException.class, () -> Code.of("$Q", "a"));
  }

  @Test
  void importsAreSortedAndLeaveOutJavaLangAndTheFilesOwnPackage() {
    Code code =
        Code.of(
            "$T $T $T $T $T\n",
            ClassName.get("org.jdbi.v3.core", "Handle"),
            ClassName.get(String.class),
            ClassName.get("com.example", "User"),
            ParameterizedTypeName.get(ClassName.get(List.class), WildcardTypeName.subtypeOf(ClassName.get(Number.class))),
            ClassName.get("dev.cascade.runtime", "DeleteResult"));

    assertThat(SourceFile.of(DELETER, null, Set.of(), code).text())
        .isEqualTo(
            "package com.example;\n\n"
                + "import dev.cascade.runtime.DeleteResult;\n"
                + "import java.util.List;\n"
                + "import org.jdbi.v3.core.Handle;\n\n"
                + "Handle String User List<? extends Number> DeleteResult\n");
  }

  @Test
  void aClashingNameIsWrittenInFull() {
    Code code =
        Code.of(
            "$T $T $T $T $T $T\n",
            ClassName.get("java.util", "Collection"),
            ClassName.get("other", "Collection"),
            ClassName.get("com.example", "Handle"),
            ClassName.get("org.jdbi.v3.core", "Handle"),
            ClassName.get("com.example", "Registration"),
            DELETER.nestedClass("Registration"));

    assertThat(SourceFile.of(DELETER, null, Set.of("Registration"), code).text())
        .isEqualTo(
            "package com.example;\n\n"
                + "import java.util.Collection;\n\n"
                + "Collection other.Collection Handle org.jdbi.v3.core.Handle com.example.Registration"
                + " Registration\n");
  }

  @Test
  void aLongLineBreaksAtTheLastMarkThatKeepsItWithinOneHundredColumns() {
    String piece = "x".repeat(30);
    Code code = Code.of("  $L$W+ $L$W+ $L$W+ $L;\n  short$Wline;\n", piece, piece, piece, piece);

    assertThat(render(code))
        .isEqualTo(
            "  " + piece + " + " + piece + " + " + piece + "\n"
                + "      + " + piece + ";\n"
                + "  short line;\n");
  }

  @Test
  void javadocPutsAStarOnEveryLineAndNoSpaceAfterABlankOne() {
    Code code = new Code().javadoc("  ", "Reads {@link $T}.\n\n<p>Twice.\n", ClassName.get("com.example", "User"));

    assertThat(render(code)).isEqualTo("  /**\n   * Reads {@link User}.\n   *\n   * <p>Twice.\n   */\n");
  }

  @Test
  void primitivesArraysAndTypeArgumentsAreWrittenAsJavaWritesThem() {
    Code code =
        Code.of(
            "$T $T $T\n",
            TypeName.LONG,
            com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE),
            ParameterizedTypeName.get(
                ClassName.get("java.util", "Map"), ClassName.get(String.class), ClassName.get("java.util", "UUID")));

    assertThat(render(code)).isEqualTo("long byte[] Map<String, UUID>\n");
  }

  /** The code's text with its types written, without the file's package line and imports. */
  private static String render(Code code) {
    String text = SourceFile.of(ClassName.get("", "Generated"), null, Set.of(), code).text();
    return text.startsWith("import") ? text.substring(text.indexOf("\n\n") + 2) : text;
  }
}
