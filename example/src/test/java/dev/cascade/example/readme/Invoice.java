package dev.cascade.example.readme;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;

/** A user's invoices block deleting the user ({@code RESTRICT}). */
// tag::invoice-model[]
@Table("invoices")
public record Invoice(long id, @BelongsTo(User.class) long userId, long cents) {}
// end::invoice-model[]
