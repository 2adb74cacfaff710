package dev.cascade.processor.diagnostic;

import java.util.Locale;

/**
 * Every compile error Cascade reports (and the one warning and note about a module-info.java), with a
 * stable id and its text. Each says what is wrong,
 * where, and how to fix it, in the user's vocabulary: their record, component and table names.
 */
public enum Message {
  TABLE_NOT_ON_RECORD("@Table goes on records only, and %s is %s: declare it as `record %s(...)`"),
  RECORD_IS_PRIVATE(
      "%s is private, so the generated %s cannot use it: make the record package-private or public"),
  INVALID_IDENTIFIER(
      "%s '%s' is not a plain SQL identifier: use letters, digits and _, not starting with a digit"),
  QUALIFIED_TABLE(
      "table name '%s' names a schema, and Cascade writes names unqualified, so each table is the one"
          + " the connection finds: write @Table(\"%s\"), and keep the table in the connection's schema or,"
          + " on PostgreSQL, on its search path (?currentSchema=%s,public)"),
  DUPLICATE_TABLE("table %s is mirrored by both %s and %s: give one of them another @Table name"),
  MULTIPLE_KEYS(
      "%s has more than one @Id (%s), but keys have one column. For a composite key, such as a join"
          + " table's, remove every @Id: a record without a key is deleted and restored with the parents"
          + " its @BelongsTo components name, and cannot be deleted on its own. Keep @Id on one component"
          + " only if that column alone is unique: destroy(id) takes every row whose key equals id"),
  UNSUPPORTED_KEY_TYPE(
      "%s.%s is the key of %s, and keys are long, int, short, UUID or String (primitive or boxed),"
          + " not %s: Cascade binds ids, reads them from its journal and packs long lists of them by"
          + " their type; declare %s as the column's own type and wrap it in your code"),
  CHILDREN_WITHOUT_KEY(
      "%s has @HasMany children but no key, so its children cannot be found: mark its key"
          + " component with @Id or name it id"),
  HAS_MANY_TARGET_NOT_TABLE(
      "@HasMany(%s.class) on %s: %s is not a @Table record; annotate it with @Table or remove this"
          + " @HasMany"),
  BELONGS_TO_TARGET_NOT_TABLE(
      "@BelongsTo(%s.class) on %s.%s: %s is not a @Table record; annotate it with @Table or name"
          + " the parent's record"),
  FOREIGN_KEY_NOT_A_COLUMN(
      "@HasMany(value = %s.class, foreignKey = \"%s\") on %s: table %s has no column %s; its"
          + " columns are %s"),
  FOREIGN_KEY_IS_A_COMPONENT(
      "@HasMany(value = %s.class, foreignKey = \"%s\") on %s: foreignKey names a column of table %s,"
          + " and %s is the component of its column %s; write foreignKey = \"%s\""),
  FOREIGN_KEY_WITHOUT_BELONGS_TO(
      "@HasMany(%s.class) on %s: %s.%s (column %s) has no @BelongsTo(%s.class); add it so the"
          + " child names its parent too"),
  BELONGS_TO_WITHOUT_HAS_MANY(
      "@BelongsTo(%s.class) on %s.%s: %s declares no @HasMany(%s.class) for column %s; add"
          + " @HasMany(value = %s.class, onDelete = ...) to %s to say what deleting it does to"
          + " these rows"),
  BELONGS_TO_WITHOUT_HAS_MANY_COMPILED_EARLIER(
      "@BelongsTo(%s.class) on %s.%s: %s declares no @HasMany(%s.class) for column %s, and it was"
          + " compiled earlier, from a class file. If it is in this module, add @HasMany(value ="
          + " %s.class, onDelete = ...) to it. If it is in a module this one depends on, it cannot name"
          + " %s: a cascade is planned from the models compiled together, so keep models that relate"
          + " in one module, or leave this column without @BelongsTo and delete its rows yourself"),
  NO_FOREIGN_KEY(
      "@HasMany(%s.class) on %s: no component of %s has @BelongsTo(%s.class), so nothing says"
          + " which column of %s holds the key of %s; add @BelongsTo(%s.class) to %s, as in `%s`"),
  AMBIGUOUS_FOREIGN_KEY(
      "@HasMany(%s.class) on %s: %s has several components with @BelongsTo(%s.class) (%s); set"
          + " foreignKey to one of %s"),
  FOREIGN_KEY_TYPE_MISMATCH(
      "%s.%s is %s but it points to the key of %s, %s.%s, which is %s: declare %s as %s"),
  POLYMORPHIC_KEY_TYPES_DIFFER(
      "%s.%s belongs to parents whose keys are of different types (%s), but the parents of a"
          + " polymorphic key must all have keys of one type: give them keys of one type, or split"
          + " %s into one nullable column per key type, each with its own @BelongsTo"),
  SET_NULL_ON_PRIMITIVE(
      "onDelete = SET_NULL on @HasMany(%s.class) needs %s.%s to hold null, but it is a %s:"
          + " declare it as %s"),
  POLYMORPHIC_WITHOUT_WHERE(
      "@HasMany(%s.class) on %s: %s.%s belongs to several models (%s), so this relation needs"
          + " where = \"...\" to pick the rows of %s"),
  WHERE_NOT_READ(
      "@HasMany(value = %s.class, where = \"%s\") on %s: %s%s; where takes columns compared"
          + " with literals ('text', 42, 1.5, TRUE or FALSE) by =, <>, <, <=, > or >=, column"
          + " [NOT] IN (literals) and column IS [NOT] NULL, joined by AND, OR, NOT and parentheses"),
  WHERE_NOT_A_COLUMN(
      "@HasMany(value = %s.class, where = \"%s\") on %s: table %s has no column %s; its"
          + " columns are %s"),
  CYCLE(
      "cascade cycle: %s; remove one @HasMany of it, and the @BelongsTo on that relation's column with"
          + " it (only a table that has many of itself may loop): the column is then one the model does"
          + " not follow, such as a pointer back into the cascade, which a delete needs cleared first"),
  TREE_WITH_TWO_PARENTS(
      "table %s has many of itself through several columns %s, but a tree has one parent"
          + " column: keep onDelete = CASCADE on one of them, and make the others SET_NULL or"
          + " RESTRICT"),
  SOFT_WITHOUT_DELETED_AT(
      "%s on %s: table %s has no soft-delete column %s; add a component"
          + " such as `Instant %s`, or set deletedAt to the column's name"),
  DELETED_AT_NAMES_COMPONENT(
      "%s on %s: deletedAt names a column, and table %s has no column %s; the component %s is"
          + " column %s: write deletedAt = \"%s\""),
  DELETED_AT_NOT_TIME(
      "%s.%s is the soft-delete column of table %s but is a %s: declare it as Instant,"
          + " OffsetDateTime, LocalDateTime or java.sql.Timestamp"),
  SOFT_CASCADE_REACHES_HARD_TABLE(
      "@Deletable(strategy = SOFT) on %s: its cascade reaches %s (%s), %s; %s, set %s on %s, or"
          + " choose strategy = TRASH or PERMANENT for %s"),
  SOFT_CASCADE_REACHES_KEYLESS_TABLE(
      "@Deletable(strategy = SOFT) on %s: its cascade reaches %s (%s), %s; a table without a key, such"
          + " as a join table, is hidden and comes back with its parents, so it needs the column too: %s"
          + " (and the nullable column to the table: code that does not know it, such as Hibernate's"
          + " mapping of a join table, leaves it null), or choose strategy = TRASH or PERMANENT for %s."
          + " RESTRICT would refuse the delete of each %s that has any, and SET_NULL would keep them, pointing"
          + " at nothing"),
  TRASH_COLUMN_CLASH(
      "%s.%s: column %s has a name the trash table %s uses for its own bookkeeping; name the"
          + " column differently with @Column"),
  MISSING_TYPE(
      "%s refers to %s, which javac cannot resolve, so Cascade wrote no code for it: fix javac's"
          + " own error about that class (a misspelled name, a missing import, or a class it cannot"
          + " access)"),
  MODULE_DOES_NOT_READ_JAVA_SQL(
      "module %s does not read java.sql, which the classes Cascade generates in it use"
          + " (java.sql.ResultSet, in their row mappers): add `requires java.sql;` to its"
          + " module-info.java"),
  /** A note, not an error: the generated code compiles without the annotation. */
  GENERATED_NOT_READABLE(
      "module %s does not read java.compiler, so the classes Cascade generates in it carry no"
          + " @javax.annotation.processing.Generated: add `requires static java.compiler;` to its"
          + " module-info.java to have it"),
  /** A warning, not an error: only Journal.purge needs the deleters provided. */
  DELETERS_NOT_PROVIDED(
      "module %s does not provide %s to Journal.purge, which finds deleters with a ServiceLoader,"
          + " and that reads a named module's `provides`, not its META-INF/services, so it would"
          + " leave the operations of their tables alone: add `provides %s with %s;` to"
          + " module-info.java"),
  UNEXPECTED_FAILURE(
      "Cascade failed on %s with %s; this is a bug in Cascade, please report it with this model");

  private final String format;

  Message(String format) {
    this.format = format;
  }

  /** The message text with its arguments filled in. */
  public String format(Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
