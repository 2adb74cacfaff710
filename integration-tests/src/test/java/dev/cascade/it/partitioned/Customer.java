package dev.cascade.it.partitioned;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A customer whose payments are in a table partitioned by month (PostgreSQL). */
@Table("pt_customers")
@HasMany(Payment.class)
@Deletable(strategy = DeleteStrategy.SOFT)
public record Customer(long id, String name, Instant deletedAt) {}
