package dev.cascade.it.reliability.faults;

import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL triggers on every table that raise an error on any insert, update or delete of the
 * one table a session names in the setting {@code cascade.refuse}: a database that refuses the
 * cascade's statement on that table, whatever it is.
 */
final class RefusingTriggers {
  private final TestDatabase database;

  private RefusingTriggers(TestDatabase database) {
    this.database = database;
  }

  static RefusingTriggers install(TestDatabase database, List<String> tables) {
    database.jdbi().useHandle(h -> {
      h.execute(
          "CREATE FUNCTION cascade_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " IF current_setting('cascade.refuse', true) = TG_TABLE_NAME THEN"
              + " RAISE EXCEPTION 'trigger refuses % on %', TG_OP, TG_TABLE_NAME; END IF;"
              + " RETURN NULL; END $$");
      for (String table : tables) {
        h.execute("CREATE TRIGGER refuse_" + table + " BEFORE INSERT OR UPDATE OR DELETE ON " + table
            + " FOR EACH STATEMENT EXECUTE FUNCTION cascade_refuse()");
      }
    });
    return new RefusingTriggers(database);
  }

  /** Makes the triggers of {@code table} raise, for this handle's session. */
  void arm(Handle handle, String table) {
    handle.execute("SELECT set_config('cascade.refuse', ?, false)", table);
  }

  /**
   * Whether the operation writes to {@code table} at all: tried inside a transaction that is rolled
   * back whatever happens, so that only operations a trigger there really breaks are counted.
   */
  boolean wouldRefuse(Operation operation, String table) {
    try (Handle handle = database.jdbi().open()) {
      handle.begin();
      arm(handle, table);
      try {
        operation.call().apply(handle);
        return false;
      } catch (RuntimeException refused) {
        return true;
      } finally {
        handle.rollback();
      }
    }
  }
}
