package dev.cascade.it.helpdesk;

import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A helpdesk's customer: its tickets and its tags. */
@Table("organizations")
@HasMany(Ticket.class)
@HasMany(Tag.class)
@Deletable(strategy = DeleteStrategy.SOFT)
public record Organization(long id, String name, Instant deletedAt) {}
