package dev.cascade.it.types;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A reading of a sample; no soft-delete column, so its trash time column is {@code deleted_at}. */
@Table("readings")
public record Reading(long id, @BelongsTo(Sample.class) long sampleId, BigDecimal value, OffsetDateTime readAt) {}
