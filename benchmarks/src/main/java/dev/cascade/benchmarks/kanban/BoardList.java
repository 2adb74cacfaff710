package dev.cascade.benchmarks.kanban;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A list (column) of a board: owns its cards. */
@Table("kb_lists")
@HasMany(Card.class)
public record BoardList(long id, @BelongsTo(Board.class) long boardId, String name, Instant deletedAt) {}
