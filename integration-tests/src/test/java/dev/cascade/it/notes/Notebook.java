package dev.cascade.it.notes;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** Writes its strategy: TRASH, whatever the configuration says. */
@Table("notebooks")
@HasMany(Note.class)
@Deletable(strategy = DeleteStrategy.TRASH)
public record Notebook(long id, String title, Instant deletedAt) {}
