package dev.cascade.runtime;

/** The SQL types the columns of a trash table get. */
interface ColumnTypes {
  /** The type of the trash column that holds this column of this table. */
  String of(CascadeSchema.Table table, CascadeSchema.Column column);

  /** The type of the trash table's time column, {@link CascadeSchema.Table#trashTimeColumn()}. */
  String trashTime(CascadeSchema.Table table);
}
