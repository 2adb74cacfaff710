package dev.cascade.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cascade.processor.Sources.compile;
import static dev.cascade.processor.Sources.generatedSource;
import static dev.cascade.processor.Sources.model;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * A model wide and deep enough that a generated SQL constant, folded by javac, would pass the
 * 65,535 bytes a class file allows one constant: javac stopped in generated code with "constant
 * string too long" (a newcomer's ten-table trial, {@code WorkspaceRestorer.TRASH_CHECKS}).
 */
class LongConstantsTest {
  @Test
  void aTenTableModelWhoseChecksPassTheConstantLimitCompiles() {
    Compilation compilation =
        compile(
            model(
                "Workspace",
                """
                @Table("workspaces")
                @HasMany(User.class) @HasMany(Project.class) @HasMany(Tag.class)
                @Deletable(strategy = DeleteStrategy.SOFT)
                public record Workspace(long id, String name, Instant deletedAt) {}
                """),
            model(
                "User",
                """
                @Table("users")
                @HasMany(value = Comment.class, foreignKey = "author_id")
                @HasMany(Reaction.class)
                @HasMany(value = Document.class, foreignKey = "author_id", onDelete = OnDelete.SET_NULL)
                @Deletable(strategy = DeleteStrategy.TRASH)
                public record User(
                    long id, @BelongsTo(Workspace.class) long workspaceId, String email, String name, Instant deletedAt) {}
                """),
            model(
                "Project",
                """
                @Table("projects")
                @HasMany(Folder.class) @HasMany(Document.class)
                @Deletable(strategy = DeleteStrategy.SOFT)
                public record Project(long id, @BelongsTo(Workspace.class) long workspaceId, String name, Instant deletedAt) {}
                """),
            model(
                "Tag",
                """
                @Table("tags")
                @HasMany(DocumentTag.class)
                public record Tag(long id, @BelongsTo(Workspace.class) long workspaceId, String name, Instant deletedAt) {}
                """),
            model(
                "Folder",
                """
                @Table("folders")
                @HasMany(Folder.class)
                @HasMany(value = Document.class, foreignKey = "folder_id")
                @Deletable(strategy = DeleteStrategy.TRASH)
                public record Folder(
                    long id, @BelongsTo(Project.class) long projectId, @BelongsTo(Folder.class) Long parentId,
                    String name, Instant deletedAt) {}
                """),
            model(
                "Document",
                """
                @Table("documents")
                @HasMany(Comment.class) @HasMany(Attachment.class) @HasMany(DocumentTag.class)
                @HasMany(value = Reaction.class, where = "subject_type = 'document'")
                @Deletable(strategy = DeleteStrategy.TRASH)
                public record Document(
                    long id, @BelongsTo(Project.class) long projectId, @BelongsTo(Folder.class) Long folderId,
                    @BelongsTo(User.class) Long authorId, String title, String body, Instant deletedAt) {}
                """),
            model(
                "Comment",
                """
                @Table("comments")
                @HasMany(value = Reaction.class, where = "subject_type = 'comment'")
                public record Comment(
                    long id, @BelongsTo(Document.class) long documentId, @BelongsTo(User.class) long authorId,
                    String body, Instant deletedAt) {}
                """),
            model(
                "Attachment",
                """
                @Table("attachments")
                public record Attachment(
                    long id, @BelongsTo(Document.class) long documentId, String filename, long sizeBytes, Instant deletedAt) {}
                """),
            model(
                "DocumentTag",
                """
                @Table("document_tags")
                public record DocumentTag(
                    @BelongsTo(Document.class) long documentId, @BelongsTo(Tag.class) long tagId, Instant deletedAt) {}
                """),
            model(
                "Reaction",
                """
                @Table("reactions")
                public record Reaction(
                    long id, String subjectType, @BelongsTo({Document.class, Comment.class}) long subjectId,
                    @BelongsTo(User.class) long userId, String emoji, Instant deletedAt) {}
                """));

    assertThat(compilation).succeeded();
    assertThat(compilation.errors()).isEmpty();
    String restorer = generatedSource(compilation, "test.WorkspaceRestorer");
    assertThat(restorer).contains("private static final String TRASH_CHECKS = String.join(\"\",");
    assertThat(restorer).contains("into a constant of 84,419\n   * bytes, more than the 65,535 a class file holds.");
  }
}
