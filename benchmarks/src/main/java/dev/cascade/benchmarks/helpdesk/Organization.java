package dev.cascade.benchmarks.helpdesk;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** An organization: owns its tickets; soft-deleted unless told otherwise. */
@Table("hd_organizations")
@HasMany(Ticket.class)
@Deletable(strategy = DeleteStrategy.SOFT)
public record Organization(long id, String name, Instant deletedAt) {}
