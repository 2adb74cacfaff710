/**
 * What the user wrote, as plain immutable records: one {@link dev.cascade.processor.model.ModelSpec}
 * per {@code @Table} record. Nothing here is validated; the {@code validate} stage does that.
 */
package dev.cascade.processor.model;
