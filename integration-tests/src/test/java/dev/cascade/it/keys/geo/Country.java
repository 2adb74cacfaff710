package dev.cascade.it.keys.geo;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Id;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A natural String key: the country's code. */
@Table("countries")
@HasMany(City.class)
@HasMany(value = Airline.class, onDelete = OnDelete.SET_NULL)
public record Country(@Id String code, String name, Instant deletedAt) {}
