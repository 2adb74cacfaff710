package dev.cascade.it.older;

import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** The shelf of an older build, which does not know the books yet (compiled by OtherBuild). */
@Table("shelves")
@Deletable
public record Shelf(long id, String name, Instant deletedAt) {}
