package dev.cascade.it.keys.geo;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Id;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A String key below a String key. */
@Table("cities")
public record City(@Id String code, @BelongsTo(Country.class) String countryCode, String name, Instant deletedAt) {}
