package dev.cascade.it.notes;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** Writes no strategy: it follows the configuration's default. */
@Table("notes")
public record Note(long id, @BelongsTo(Notebook.class) long notebookId, String text, Instant deletedAt) {}
