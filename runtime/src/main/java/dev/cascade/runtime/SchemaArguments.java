package dev.cascade.runtime;

/**
 * The arguments of the schema tools ({@link SchemaCheck}, {@link TrashTables}, {@link
 * Journal#ddl}), refused with a {@link CascadeException} that says what to pass: no schemas, a null
 * schema, a null dialect (a newcomer's trial met a {@code NullPointerException}, and a check of no
 * schema that found nothing wrong).
 */
final class SchemaArguments {
  private SchemaArguments() {}

  static void require(String call, CascadeSchema... schemas) {
    if (schemas == null || schemas.length == 0) {
      throw new CascadeException(
          call + ": no schemas were given; pass the schema of each generated deleter, as in " + call
              + "(..., UserDeleter.schema(), ProjectDeleter.schema())");
    }
    for (int i = 0; i < schemas.length; i++) {
      if (schemas[i] == null) {
        throw new CascadeException(
            call + ": schema " + (i + 1) + " of " + schemas.length + " is null; pass the schema of a generated deleter,"
                + " such as UserDeleter.schema()");
      }
    }
  }

  /** The dialect of a {@code ddl(Dialect, ...)} call, refused when null. */
  static void require(String call, Dialect dialect) {
    if (dialect == null) {
      throw new CascadeException(
          call + ": the dialect is null; pass Dialect.of(handle), or Dialect.H2, POSTGRESQL, SQLITE or MYSQL");
    }
  }
}
