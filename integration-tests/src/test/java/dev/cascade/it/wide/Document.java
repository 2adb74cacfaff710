package dev.cascade.it.wide;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A document of a project, in a folder or not, by an author or by nobody any more. */
@Table("ws_documents")
@HasMany(Comment.class)
@HasMany(Attachment.class)
@HasMany(DocumentTag.class)
@HasMany(value = Reaction.class, where = "subject_type = 'document'")
@Deletable(strategy = DeleteStrategy.TRASH)
public record Document(
    long id,
    @BelongsTo(Project.class) long projectId,
    @BelongsTo(Folder.class) Long folderId,
    @BelongsTo(User.class) Long authorId,
    String title,
    String body,
    Instant deletedAt) {}
