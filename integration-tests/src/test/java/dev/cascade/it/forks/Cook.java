package dev.cascade.it.forks;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;

@Table("cooks")
@HasMany(Dish.class)
@HasMany(Menu.class)
public record Cook(long id, String name) {}
