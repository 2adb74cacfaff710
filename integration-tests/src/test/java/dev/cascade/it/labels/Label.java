package dev.cascade.it.labels;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;

/**
 * A label; a card that pins it keeps it from being deleted (RESTRICT). It needs a name, which rows
 * written before the rule may lack.
 */
@Table("labels")
@HasMany(CardLabel.class)
@HasMany(value = Card.class, foreignKey = "pinned_label_id", onDelete = OnDelete.RESTRICT)
public record Label(long id, @BelongsTo(Board.class) long boardId, String name, Instant deletedAt) {
  public Label {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a label needs a name");
    }
  }
}
