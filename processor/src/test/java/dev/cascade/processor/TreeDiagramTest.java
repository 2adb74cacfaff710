package dev.cascade.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cascade.processor.Sources.compile;
import static dev.cascade.processor.Sources.generatedSource;
import static dev.cascade.processor.Sources.model;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The cascade drawn in a generated class's Javadoc: only a {@code CASCADE} relation of a table to
 * itself is a tree; a {@code SET_NULL} one links rows of the table (a newcomer's Q&A trial read
 * "quotes_comment_id: SET_NULL, a tree").
 */
class TreeDiagramTest {
  @Test
  void aSetNullRelationOfATableToItselfIsNotCalledATree() {
    JavaFileObject comment =
        model(
            "Comment",
            """
            @Table("comments")
            @HasMany(value = Comment.class, foreignKey = "parent_id")
            @HasMany(value = Comment.class, foreignKey = "quotes_id", onDelete = OnDelete.SET_NULL)
            public record Comment(long id, @BelongsTo(Comment.class) Long parentId, @BelongsTo(Comment.class) Long quotesId) {}
            """);

    Compilation compilation = compile(comment);

    assertThat(compilation).succeededWithoutWarnings();
    String deleter = generatedSource(compilation, "test.CommentDeleter");
    assertThat(deleter).contains("comments (parent_id): CASCADE, a tree");
    assertThat(deleter).contains("comments (quotes_id): SET_NULL, to its own table");
  }
}
