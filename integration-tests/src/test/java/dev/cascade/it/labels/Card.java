package dev.cascade.it.labels;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A card, labelled through a join table; it may pin a label, even one of another board. */
@Table("cards")
@HasMany(CardLabel.class)
public record Card(
    long id,
    @BelongsTo(Board.class) long boardId,
    @BelongsTo(Label.class) Long pinnedLabelId,
    String title,
    Instant deletedAt) {}
