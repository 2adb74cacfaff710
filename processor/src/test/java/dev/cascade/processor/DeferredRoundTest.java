package dev.cascade.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.cascade.processor.Sources.generatedSource;
import static dev.cascade.processor.Sources.model;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A model may name a record that another processor generates in the same build: Cascade waits for
 * it to exist, a round later, and then generates as usual.
 */
class DeferredRoundTest {

  /** Writes {@code test.Comment}, a {@code @Table} record, in the first round only. */
  private static final class CommentGenerator extends AbstractProcessor {
    private final List<Integer> roundsWritten = new ArrayList<>();
    private int round;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
      round++;
      if (round == 1) {
        try {
          JavaFileObject file = processingEnv.getFiler().createSourceFile("test.Comment");
          try (Writer out = file.openWriter()) {
            out.write(
                "package test;\n\nimport dev.cascade.annotations.*;\n\n"
                    + "@Table(\"comments\")\n"
                    + "public record Comment(long id, @BelongsTo(Post.class) long postId, String body) {}\n");
          }
          roundsWritten.add(round);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void aModelNamingARecordGeneratedLaterIsGeneratedOnceItExists() {
    CommentGenerator generator = new CommentGenerator();
    Compilation compilation =
        javac()
            .withProcessors(new CascadeProcessor(), generator)
            .compile(
                model(
                    "Post",
                    """
                    @Table("posts")
                    @HasMany(Comment.class)
                    public record Post(long id, String title) {}
                    """));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generator.roundsWritten).containsExactly(1);
    assertThat(generatedSource(compilation, "test.PostDeleter"))
        .contains("\"DELETE FROM comments WHERE post_id IN (\" + POSTS_IN_CASCADE + \")\"");
    assertThat(compilation.generatedSourceFile("test.PostRestorer")).isPresent();
    assertThat(compilation.generatedSourceFile("test.CommentDeleter")).isPresent();
  }
}
