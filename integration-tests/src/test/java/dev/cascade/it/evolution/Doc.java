package dev.cascade.it.evolution;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A document whose status, {@code NOT NULL} with a default, was added after rows were trashed. */
@Table("docs")
@Deletable(strategy = DeleteStrategy.TRASH)
public record Doc(long id, String title, String status, Instant deletedAt) {}
