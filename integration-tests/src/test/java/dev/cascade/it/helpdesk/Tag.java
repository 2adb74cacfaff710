package dev.cascade.it.helpdesk;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** An organization's tag. */
@Table("tags")
@HasMany(TicketTag.class)
@Deletable(strategy = DeleteStrategy.SOFT)
public record Tag(long id, @BelongsTo(Organization.class) long organizationId, String name, Instant deletedAt) {}
