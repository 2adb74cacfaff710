package dev.cascade.it.longnames;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** An invoice of a customer subscription, named as an enterprise schema names it. */
@Table("customer_subscription_invoices")
@HasMany(SubscriptionInvoiceLineItem.class)
public record SubscriptionInvoice(long id, String number, Instant deletedAt) {}
