package dev.cascade.it.forks;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;

/** A cook's menu: a second way a cook's delete reaches dishes. */
@Table("menus")
@HasMany(Dish.class)
public record Menu(long id, @BelongsTo(Cook.class) long cookId, String name) {}
