package dev.cascade.runtime.internal;

/**
 * What generated SQL and the runtime agree on: the placeholders filled in here, the bind
 * parameters bound here, and the bookkeeping columns of trash tables. The processor keeps the
 * same values in {@code dev.cascade.processor.plan.Protocol}; a test checks that the two agree.
 */
public final class Protocol {
  private Protocol() {}

  /** The requested keys: {@code id IN (<ids>)}. */
  public static final String IDS = "<ids>";

  /**
   * The markers of the operations a restore brings back: {@code deleted_at IN (<markers>)}. The
   * runtime may render the whole {@code IN (<markers>)} as {@code IS NOT NULL} for a long list:
   * it only narrows what the relations already find.
   */
  public static final String MARKERS = "<markers>";

  /**
   * Opens a column that a restore re-points to the new keys of rows it restores under new keys,
   * with the trash time of the row it is in: {@code
   * <rekeyed:comments_trash.user_id|comments_trash.trashed_at>}. A row is re-pointed only when it
   * was trashed no later than the re-keyed row, that is, while its key was that row's; otherwise
   * it stays as it is, as does the column when nothing was re-keyed.
   */
  public static final String REKEYED = "<rekeyed:";

  /** Separates the column of {@link #REKEYED} from the trash time column of its row. */
  public static final String REKEYED_AT = "|";

  /** Opens the condition that leaves out the roots a restore re-keys: {@code <kept:id>}. */
  public static final String KEPT = "<kept:";

  /** Closes {@link #REKEYED} and {@link #KEPT}. */
  public static final String CLOSE = ">";

  /**
   * Opens the part of a trash restore's condition that picks the rows of the roots the call names
   * out of the rows their operations trashed: {@code deletion_id IN (<markers>)<only-named> AND
   * (post_id, deletion_id) IN (...)</only-named>}. When a call restores whole operations (every
   * root each of them trashed), the runtime leaves these parts out, so each statement reads one
   * trash table by {@code deletion_id} alone; otherwise it keeps what they enclose.
   */
  public static final String ONLY_NAMED = "<only-named>";

  /** Closes {@link #ONLY_NAMED}; the parts nest. */
  public static final String END_ONLY_NAMED = "</only-named>";

  /**
   * Opens the part of a trash restore's condition that only a restore of whole operations keeps,
   * the reverse of {@link #ONLY_NAMED}: a tree's roots {@code <whole-only> AND NOT EXISTS (...)
   * </whole-only>}, leaving out a root whose parent the same operation trashed, which comes back
   * below it instead. Otherwise the runtime leaves the part out. The parts do not nest.
   */
  public static final String WHOLE_ONLY = "<whole-only>";

  /** Closes {@link #WHOLE_ONLY}. */
  public static final String END_WHOLE_ONLY = "</whole-only>";

  /**
   * Opens a part only SQLite runs, with {@link #NOT_SQLITE} the part every other database runs in
   * its place: a tree's recursion on SQLite finds its tops once, in a query of their own, where it
   * would otherwise run the query of the tops again for every row it reaches. The runtime keeps
   * the parts written for the connected database and leaves the others out; the parts nest.
   */
  public static final String SQLITE_ONLY = "<sqlite>";

  /** Closes {@link #SQLITE_ONLY}. */
  public static final String END_SQLITE_ONLY = "</sqlite>";

  /** Opens the part every database but SQLite runs, in place of a {@link #SQLITE_ONLY} one. */
  public static final String NOT_SQLITE = "<not-sqlite>";

  /** Closes {@link #NOT_SQLITE}. */
  public static final String END_NOT_SQLITE = "</not-sqlite>";

  /**
   * Opens a part only H2 runs, with {@link #NOT_H2} the part every other database runs in its
   * place: a soft restore's tree below the root looks its tops' parents up with {@code EXISTS} on
   * H2, which runs an {@code IN} over them again for every row once the restore has locked its
   * roots. The runtime keeps the parts written for the connected database, after the SQLite ones.
   */
  public static final String H2_ONLY = "<h2>";

  /** Closes {@link #H2_ONLY}. */
  public static final String END_H2_ONLY = "</h2>";

  /** Opens the part every database but H2 runs, in place of an {@link #H2_ONLY} one. */
  public static final String NOT_H2 = "<not-h2>";

  /** Closes {@link #NOT_H2}. */
  public static final String END_NOT_H2 = "</not-h2>";

  /**
   * Follows the column list of a restore's {@code INSERT ... SELECT}: the runtime writes {@code
   * OVERRIDING SYSTEM VALUE} there on PostgreSQL and H2, so that a key declared {@code GENERATED
   * ALWAYS AS IDENTITY} takes back the value it had, and nothing on the other databases, which
   * have no such keys.
   */
  public static final String OVERRIDING = "<overriding>";

  /** The bind parameter of the operation's time, written to soft-delete and trash time columns. */
  public static final String DELETED_AT = "deletedAt";

  /** The bind parameter of the operation's id, written to {@link #DELETION_ID}. */
  public static final String DELETION_ID_PARAMETER = "deletionId";

  /** The bind parameters of one root a restore brings back under a new key: its old key and marker. */
  public static final String REUSED_KEY = "reusedKey";

  public static final String REUSED_MARKER = "reusedMarker";

  /** Trash columns: the operation's id, shared by every row it trashed. */
  public static final String DELETION_ID = "deletion_id";

  /** Trash columns: the table a row came from. */
  public static final String ORIGINAL_TABLE = "original_table";

  /** Trash columns: when the row was trashed, where the source has a {@code deleted_at} of its own. */
  public static final String TRASHED_AT = "trashed_at";

  /** The soft-delete column's default name, and the trash time column's otherwise. */
  public static final String DELETED_AT_COLUMN = "deleted_at";

  /** Columns of a tree's recursive query, named so they cannot clash with a table's own. */
  public static final String TREE_KEY = "cascade_key";

  public static final String TREE_MARK = "cascade_mark";

  public static final String TREE_TOP = "cascade_top";

  public static final String TREE_DEPTH = "cascade_depth";
}
