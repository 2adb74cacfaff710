package dev.cascade.it.types;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A sample with a column of each common type, for the trash round trip ({@link Samples} has the
 * columns' types per database). Its soft-delete column is a {@code timestamp(3) with time zone}
 * read as an {@code Instant}: the column the Java-type trash DDL turned into a {@code timestamp}.
 */
@Table("samples")
@HasMany(Reading.class)
public record Sample(
    long id,
    String label,
    OffsetDateTime takenAt,
    LocalDateTime labelledAt,
    Instant receivedAt,
    BigDecimal amount,
    String notes,
    byte[] payload,
    Boolean verified,
    UUID batch,
    String metadata,
    Instant deletedAt) {}
