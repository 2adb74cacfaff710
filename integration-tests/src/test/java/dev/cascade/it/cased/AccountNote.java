package dev.cascade.it.cased;

import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Table;

/** A table an older tool created in quotes with its own case: {@code "AccountNotes"}. */
@Table("AccountNotes")
@Deletable(strategy = DeleteStrategy.TRASH)
public record AccountNote(long id, String body) {}
