package dev.cascade.it.evolution;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A memo whose text, in a column that takes null, was renamed after rows were trashed. */
@Table("memos")
@Deletable(strategy = DeleteStrategy.TRASH)
public record Memo(long id, String content, Instant deletedAt) {}
