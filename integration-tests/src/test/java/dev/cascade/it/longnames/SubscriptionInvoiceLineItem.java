package dev.cascade.it.longnames;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A line of an invoice: its trash table's index names run past what PostgreSQL and MariaDB keep. */
@Table("customer_subscription_invoice_line_items")
public record SubscriptionInvoiceLineItem(
    long id,
    @BelongsTo(SubscriptionInvoice.class) long customerSubscriptionInvoiceId,
    String description,
    Instant deletedAt) {}
