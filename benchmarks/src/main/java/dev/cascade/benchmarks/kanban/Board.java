package dev.cascade.benchmarks.kanban;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A board: owns its lists; soft-deleted unless told otherwise. */
@Table("kb_boards")
@HasMany(BoardList.class)
@Deletable(strategy = DeleteStrategy.SOFT)
public record Board(long id, String name, Instant deletedAt) {}
