package dev.cascade.it.keys.geo;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;

/** A long key with a nullable String foreign key: SET_NULL. */
@Table("airlines")
public record Airline(long id, @BelongsTo(Country.class) String countryCode, String name) {}
