package dev.cascade.it.forks;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;

/**
 * A dish may be a fork of another: deleting the original leaves the fork, unlinked. A cook's
 * delete reaches it twice: through the cook, and through the cook's menus.
 */
@Table("dishes")
@HasMany(value = Dish.class, foreignKey = "forked_from_id", onDelete = OnDelete.SET_NULL)
@Deletable(strategy = DeleteStrategy.TRASH)
public record Dish(
    long id,
    @BelongsTo(Cook.class) long cookId,
    @BelongsTo(Menu.class) Long menuId,
    @BelongsTo(Dish.class) Long forkedFromId,
    String title) {}
