package dev.cascade.it.labels;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A label on a card: a join table without a key, reached through both the card and the label. */
@Table("card_labels")
public record CardLabel(
    @BelongsTo(Card.class) long cardId, @BelongsTo(Label.class) long labelId, Instant deletedAt) {}
