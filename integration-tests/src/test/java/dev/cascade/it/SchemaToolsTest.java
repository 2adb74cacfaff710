package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.CommentDeleter;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.it.joined.AttachmentDeleter;
import dev.cascade.it.joined.AttachmentRestorer;
import dev.cascade.it.joined.Attachments;
import dev.cascade.it.longnames.LongNames;
import dev.cascade.it.longnames.SubscriptionInvoiceDeleter;
import dev.cascade.it.longnames.SubscriptionInvoiceRestorer;
import dev.cascade.it.shop.CustomerDeleter;
import dev.cascade.it.types.SampleDeleter;
import dev.cascade.it.types.Samples;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.SchemaCheck;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** The trash DDL helper and the schema check, against real databases. */
class SchemaToolsTest {

  /**
   * A record that names a column its table lacks (a newcomer's trial misspelled one, and the
   * database named the trash table): the failure says where to find which column, and what to do.
   */
  @AllDatabases
  void aColumnTheTableLacksFailsSayingWhereToLook(TestDatabase db) {
    db.createSchema(
        List.of(
            "CREATE TABLE notebooks (id ${id}, title VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE notes (id ${id}, notebook_id BIGINT NOT NULL, text VARCHAR(100), deleted_at ${timestamp},"
                + " FOREIGN KEY (notebook_id) REFERENCES notebooks (id))"));
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(handle, dev.cascade.it.notes.NotebookDeleter.schema()).forEach(handle::execute);
      handle.execute("ALTER TABLE notes DROP COLUMN text");
      long notebook =
          handle.createUpdate("INSERT INTO notebooks (title) VALUES ('n')").executeAndReturnGeneratedKeys("id")
              .mapTo(Long.class).one();
      handle.execute("INSERT INTO notes (notebook_id) VALUES (?)", notebook);
      Snapshot before = db.snapshot(List.of("notebooks", "notes"));

      assertThatThrownBy(() -> dev.cascade.it.notes.NotebookDeleter.destroy(handle, notebook))
          .isExactlyInstanceOf(CascadeException.class)
          .hasMessageContaining("copying notes into the trash")
          .hasMessageEndingWith("; a column the model names is missing from its table or its trash table:"
              + " SchemaCheck.problems(handle, true, XDeleter.schema()) names each such column and what to do");
      assertThat(db.snapshot(List.of("notebooks", "notes"))).isEqualTo(before);
    }
  }

  /**
   * A model's key that is neither its table's primary key nor unique, which a restore relies on:
   * the schema check names it (a newcomer's trial on Pagila restored a second payment with a key
   * another had taken, and a delete by the key then took both).
   */
  @AllDatabases
  void aKeyThatIsNeitherThePrimaryKeyNorUniqueIsReported(TestDatabase db) {
    db.createSchema(
        List.of(
            "CREATE TABLE notebooks (id ${id}, title VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE notes (id BIGINT NOT NULL, notebook_id BIGINT NOT NULL, text VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (notebook_id) REFERENCES notebooks (id))",
            "CREATE INDEX notes_id ON notes (id)",
            "CREATE INDEX notes_notebook_id ON notes (notebook_id)"));
    try (Handle handle = db.jdbi().open()) {
      Journal.ddl(Dialect.of(handle)).forEach(handle::execute);
      assertThat(SchemaCheck.problems(handle, false, dev.cascade.it.notes.NotebookDeleter.schema()))
          .containsExactly(
              "the key of notes, id, is neither its primary key nor unique on its own, as Cascade needs it: a"
                  + " restore finds that a row below its root lost its key to another row by the database refusing"
                  + " the copy, so here it would bring back a second row with that key, and a delete by the key"
                  + " takes both; make id the primary key, or give it a unique index");

      handle.execute("CREATE UNIQUE INDEX notes_id_unique ON notes (id)");

      assertThat(SchemaCheck.problems(handle, false, dev.cascade.it.notes.NotebookDeleter.schema())).isEmpty();
    }
  }

  /**
   * SQLite gives a new row the highest key in use plus one where the key is an {@code INTEGER
   * PRIMARY KEY} without {@code AUTOINCREMENT}: the first note written after the notebook of the
   * newest notes went to the trash takes the key of one of them, whose restore then fails. The check names such a table
   * on SQLite with the declaration that keeps its keys, and nothing on the other databases, whose
   * generated keys are never handed out twice; there the restore brings every note back.
   */
  @AllDatabases
  void aKeySqliteHandsOutAgainIsNamedWithTheDeclarationThatKeepsItsKeys(TestDatabase db) {
    boolean sqlite = db.kind() == DatabaseKind.SQLITE;
    db.createSchema(
        List.of(
            "CREATE TABLE notebooks (id ${id}, title VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE notes (id " + (sqlite ? "INTEGER PRIMARY KEY" : "${id}") + ", notebook_id BIGINT NOT NULL,"
                + " text VARCHAR(100) NOT NULL, deleted_at ${timestamp}, FOREIGN KEY (notebook_id) REFERENCES notebooks (id))",
            "CREATE INDEX notes_notebook_id ON notes (notebook_id)"));
    try (Handle handle = db.jdbi().open()) {
      Journal.ddl(Dialect.of(handle)).forEach(handle::execute);
      TrashTables.ddl(handle, dev.cascade.it.notes.NotebookDeleter.schema()).forEach(handle::execute);
      assertThat(SchemaCheck.problems(handle, true, dev.cascade.it.notes.NotebookDeleter.schema()))
          .isEqualTo(
              sqlite
                  ? List.of(
                      "the key of notes, id, is SQLite's INTEGER PRIMARY KEY without AUTOINCREMENT, which gives a new"
                          + " row the highest key in use plus one: once a TRASH delete took the rows of the highest keys,"
                          + " the next row inserted takes the key of one of them, which then cannot come back under it (a"
                          + " root comes back under a new key, any other row fails its restore with IdTakenException);"
                          + " declare it id INTEGER PRIMARY KEY AUTOINCREMENT (SQLite cannot add that to a table: create"
                          + " the table anew and copy its rows)")
                  : List.of());

      long kept = dev.cascade.it.notes.Notes.notebook(handle, "kept");
      long trashed = dev.cascade.it.notes.Notes.notebook(handle, "trashed");
      long newest = handle.select("SELECT MAX(id) FROM notes").mapTo(Long.class).one();
      dev.cascade.it.notes.NotebookDeleter.destroy(handle, trashed);
      handle.execute("INSERT INTO notes (notebook_id, text) VALUES (?, 'written after')", kept);
      long written = handle.select("SELECT id FROM notes WHERE text = 'written after'").mapTo(Long.class).one();

      if (sqlite) {
        assertThat(written).isLessThanOrEqualTo(newest);
        assertThatThrownBy(() -> dev.cascade.it.notes.NotebookRestorer.restore(handle, trashed))
            .isInstanceOf(dev.cascade.runtime.IdTakenException.class);
        assertThat(handle.select("SELECT COUNT(*) FROM notes WHERE notebook_id = ?", trashed).mapTo(Integer.class).one())
            .isZero();
      } else {
        assertThat(written).isGreaterThan(newest);
        dev.cascade.it.notes.NotebookRestorer.restore(handle, trashed);
        assertThat(handle.select("SELECT COUNT(*) FROM notes WHERE notebook_id = ?", trashed).mapTo(Integer.class).one())
            .isEqualTo(2);
      }
    }
  }

  /**
   * A newcomer's trial gave a child table a {@code timestamp} soft-delete column under a parent's
   * {@code timestamptz}: a soft restore of 10,000 rows took 20 s on PostgreSQL, and H2 2.3 failed
   * inside. The check names the columns of one cascade whose types differ, and passes once they
   * are one type again.
   */
  @AllDatabases
  void softDeleteColumnsOfOneCascadeOfDifferentTypesAreOneProblem(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(handle, UserDeleter.schema()).forEach(handle::execute);
      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema())).isEmpty();
      String other =
          switch (db.kind()) {
            case POSTGRESQL -> "timestamp(6) with time zone";
            case H2 -> "TIMESTAMP(6) WITH TIME ZONE";
            case MARIADB -> "timestamp(6) NULL";
            case SQLITE -> "TEXT";
          };
      handle.execute("ALTER TABLE likes RENAME COLUMN deleted_at TO deleted_before");
      handle.execute("ALTER TABLE likes ADD COLUMN deleted_at " + other);

      List<String> problems = SchemaCheck.problems(handle, false, UserDeleter.schema());

      String problem =
          assertThat(problems)
              .filteredOn(p -> p.startsWith("the soft-delete columns of one cascade are of different types: "))
              .singleElement()
              .actual();
      // The odd column, against the type of the other four, and how to change it.
      assertThat(problem)
          .startsWith("the soft-delete columns of one cascade are of different types: likes.deleted_at ")
          .contains(" is not ", ", as the 4 others, users.deleted_at, posts.deleted_at, comments.deleted_at, reactions.deleted_at, are."
              + " A soft delete writes one marker into each and its restore matches a row's marker with its parent's,"
              + " which needs one type (PostgreSQL compares them through a cast, without an index, and H2 2.3 can fail); ");

      // Checked with the deleters of tables below the user too, each of whose cascades holds likes:
      // the same problem once, for the widest cascade (a newcomer's trial got one line per deleter).
      assertThat(SchemaCheck.problems(handle, false, CommentDeleter.schema(), UserDeleter.schema(), PostDeleter.schema()))
          .filteredOn(p -> p.startsWith("the soft-delete columns of one cascade are of different types: "))
          .containsExactly(problem);

      if (db.kind() == DatabaseKind.SQLITE) {
        assertThat(problem).endsWith("; SQLite cannot change a column's type: recreate likes with the column declared TIMESTAMP,"
            + " moving the rows aside and back");
      } else {
        // The statement the problem gives fixes it.
        assertThat(problem).contains("; change it: ALTER TABLE likes ");
        handle.execute(problem.substring(problem.indexOf("; change it: ") + "; change it: ".length()));
        assertThat(SchemaCheck.problems(handle, false, UserDeleter.schema())).isEmpty();
      }

      handle.execute("ALTER TABLE likes DROP COLUMN deleted_at");
      handle.execute("ALTER TABLE likes RENAME COLUMN deleted_before TO deleted_at");
      assertThat(SchemaCheck.problems(handle, false, UserDeleter.schema())).isEmpty();
    }
  }

  /**
   * One soft-delete column that keeps whole seconds, where the others keep microseconds, makes
   * every soft delete that reaches it write whole-second markers into all of them (a newcomer's
   * shop: its markers ran 14 minutes ahead of the clock after 20 s of deletes). The check names
   * that column, says what it does, and gives the statement that changes it. SQLite keeps whatever
   * it is given, whatever the declared type, so there it is no problem.
   */
  @AllDatabases
  void aSoftDeleteColumnCoarserThanTheRestOfItsCascadeIsOneProblem(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      String seconds =
          switch (db.kind()) {
            case POSTGRESQL, H2 -> "TIMESTAMP(0)";
            case MARIADB -> "DATETIME";
            case SQLITE -> "DATETIME";
          };
      handle.execute("ALTER TABLE likes RENAME COLUMN deleted_at TO deleted_before");
      handle.execute("ALTER TABLE likes ADD COLUMN deleted_at " + seconds);

      List<String> problems = SchemaCheck.problems(handle, false, UserDeleter.schema());

      if (db.kind() == DatabaseKind.SQLITE) {
        assertThat(problems).isEmpty();
        return;
      }
      String problem = assertThat(problems).singleElement().actual();
      assertThat(problem)
          .startsWith("the soft-delete columns of one cascade keep times of different precision: likes.deleted_at ")
          .contains(", as the 4 others, users.deleted_at, posts.deleted_at, comments.deleted_at, reactions.deleted_at, are."
              + " A soft delete writes one marker into each, of its cascade's coarsest precision")
          .contains("; change it: ALTER TABLE likes ");
      handle.execute(problem.substring(problem.indexOf("; change it: ") + "; change it: ".length()));
      assertThat(SchemaCheck.problems(handle, false, UserDeleter.schema())).isEmpty();
    }
  }

  @AllDatabases
  void aDatabaseBuiltFromTheModelsAndTheTrashDdlHasNoProblems(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema())).isEmpty();
    }
  }

  @AllDatabases
  void theTrashDdlCreatesOnlyTheTrashTablesTheDatabaseLacksSoItCanRunAgain(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      handle.execute("DROP TABLE likes_trash");

      List<String> again = TrashTables.ddl(handle, UserDeleter.schema());
      assertThat(again).filteredOn(statement -> statement.contains("_trash")).isNotEmpty()
          .allSatisfy(statement -> assertThat(statement).contains("likes_trash"));
      again.forEach(handle::execute);
      assertThat(TrashTables.ddl(handle, UserDeleter.schema())).isEmpty();

      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema())).isEmpty();
    }
  }

  @AllDatabases
  void theCheckNamesMissingTrashTablesUnindexedForeignKeysAndColumnsTheModelLacks(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      handle.execute("DROP TABLE likes_trash");
      handle.execute("DROP TABLE sessions");
      handle.execute(db.kind().ddl("CREATE TABLE sessions (id ${id}, user_id BIGINT, token VARCHAR(100) NOT NULL)"));
      handle.execute("ALTER TABLE posts ADD COLUMN pinned BOOLEAN");

      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema()))
          .anySatisfy(p -> assertThat(p).contains("trash table likes_trash does not exist"))
          .anySatisfy(p -> assertThat(p).contains("foreign key sessions.user_id has no index"))
          .anySatisfy(p -> assertThat(p).contains("column posts.pinned is not in the model"))
          .hasSize(3);
      assertThatThrownBy(() -> SchemaCheck.verify(handle, true, UserDeleter.schema()))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("likes_trash");
      // Without the trash, a column the model lacks loses nothing: only a trash copy leaves it out.
      assertThat(SchemaCheck.problems(handle, false, UserDeleter.schema()))
          .singleElement()
          .satisfies(p -> assertThat(p).startsWith("foreign key sessions.user_id has no index"));
    }
  }

  /**
   * Reactions hang off posts and comments through one key and a type column ({@code where =
   * "subject_type = 'post'"}): an index on the two, the type first, serves the statements that
   * reach them as well as one on the key alone. The check asked for one on the key all the same
   * (a newcomer's trial).
   */
  @AllDatabases
  void aPolymorphicKeysIndexMayStartWithTheColumnOfItsWhere(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      recreateReactions(db, handle, "emoji VARCHAR(20) NOT NULL", "subject_type, subject_id");

      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema())).isEmpty();

      recreateReactions(db, handle, "emoji VARCHAR(20) NOT NULL", "emoji, subject_id");

      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema()))
          .singleElement()
          .satisfies(
              p -> assertThat(p)
                  .startsWith("foreign key reactions.subject_id has no index, so every delete through it scans reactions;")
                  .endsWith(" (or one on (subject_type, subject_id), which serves as well)"));
    }
  }

  /**
   * The forum's tables in the second schema of PostgreSQL's search path, as a team keeps shared
   * tables in {@code public} behind an application schema: Cascade finds them, and their trash
   * tables, where SQL finds them.
   */
  @Test
  void onPostgresqlTablesInALaterSchemaOfTheSearchPathAreFoundWhereSqlFindsThem() {
    try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Handle handle = db.jdbi().open()) {
      String first = handle.select("SELECT current_schema()").mapTo(String.class).one();
      String later = first + "_later";
      handle.execute("CREATE SCHEMA " + later);
      try {
        handle.execute("SET search_path TO " + later);
        Forum.createTables(handle, db.kind());
        handle.execute("SET search_path TO " + first + ", " + later);
        TrashTest.Crossed forum = TrashTest.crossedForum(handle);

        List<String> ddl = TrashTables.ddl(handle, UserDeleter.schema());
        ddl.forEach(handle::execute);

        assertThat(ddl).anySatisfy(statement -> assertThat(statement).startsWith("CREATE TABLE users_trash"));
        assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema())).isEmpty();
        assertThat(TrashTables.ddl(handle, UserDeleter.schema())).isEmpty();
        handle.execute("UPDATE sessions SET user_id = NULL");
        Snapshot before = Snapshot.of(handle, db.kind(), Forum.TABLES_WITH_TRASH);

        UserDeleter.destroy(handle, forum.alice(), DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
        assertThat(handle.select("SELECT COUNT(*) FROM " + first + ".users_trash").mapTo(Long.class).one()).isEqualTo(1L);
        UserRestorer.restore(handle, forum.alice());

        assertThat(Snapshot.of(handle, db.kind(), Forum.TABLES_WITH_TRASH)).isEqualTo(before);
      } finally {
        handle.execute("DROP SCHEMA " + later + " CASCADE");
      }
    }
  }

  /**
   * H2 in MySQL's mode with {@code DATABASE_TO_LOWER=TRUE} reports its types in lower case; the
   * trash DDL is still H2's own (a newcomer's trial got {@code status enum} with no values, and texts without their length).
   */
  @Test
  void onH2WithNamesInLowerCaseTheTrashDdlIsTheSameAsOnPlainH2() {
    try (TestDatabase plain = TestDatabase.create(DatabaseKind.H2);
        TestDatabase lower = TestDatabase.h2With(";MODE=MySQL;DATABASE_TO_LOWER=TRUE")) {
      Samples.create(plain);
      Samples.create(lower);

      List<String> expected = plain.jdbi().withHandle(h -> TrashTables.ddl(h, SampleDeleter.schema()));
      List<String> actual = lower.jdbi().withHandle(h -> TrashTables.ddl(h, SampleDeleter.schema()));

      assertThat(String.join("\n", expected))
          .contains("label CHARACTER VARYING(40)", "taken_at TIMESTAMP(6) WITH TIME ZONE", "NUMERIC(12, 4)");
      assertThat(actual).isEqualTo(expected);
    }
  }

  @AllDatabases
  void trashTablesOfLongNamesGetIndexNamesEveryDatabaseKeepsAndTheRowsComeBack(TestDatabase db) {
    LongNames.create(db);
    try (Handle handle = db.jdbi().open()) {
      List<String> ddl = TrashTables.ddl(handle, SubscriptionInvoiceDeleter.schema());
      ddl.forEach(handle::execute);

      assertThat(ddl).filteredOn(statement -> statement.startsWith("CREATE INDEX")).hasSize(5)
          .allSatisfy(statement -> assertThat(statement.split(" ")[2].length()).isLessThanOrEqualTo(63));
      assertThat(SchemaCheck.problems(handle, true, SubscriptionInvoiceDeleter.schema())).isEmpty();
      long invoice =
          handle.createUpdate("INSERT INTO customer_subscription_invoices (number) VALUES ('2026-001')")
              .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      for (String line : List.of("seats", "support")) {
        handle.execute(
            "INSERT INTO customer_subscription_invoice_line_items (customer_subscription_invoice_id, description)"
                + " VALUES (?, ?)", invoice, line);
      }
      Snapshot before = db.snapshot(LongNames.TABLES);

      SubscriptionInvoiceDeleter.destroy(handle, invoice, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
      SubscriptionInvoiceRestorer.restore(handle, invoice);

      assertThat(db.snapshot(LongNames.TABLES)).isEqualTo(before);
    }
  }

  @AllDatabases
  void aColumnTheDatabaseComputesThatTheRecordLeavesOutIsNoProblemAndComesBackComputed(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      recreateReactions(db, handle, "emoji VARCHAR(20), loud VARCHAR(20) <computed>", "subject_id, subject_type");

      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema())).isEmpty();

      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long post = forum.post(alice, "with a reaction");
      handle.execute("INSERT INTO reactions (subject_type, subject_id, emoji) VALUES ('post', ?, 'wave')", post);
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      UserDeleter.destroy(handle, alice, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
      UserRestorer.restore(handle, alice);

      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
      assertThat(handle.createQuery("SELECT loud FROM reactions").mapTo(String.class).one()).isEqualTo("POST");
    }
  }

  @AllDatabases
  void theCheckNamesAColumnTheDatabaseComputesWhichARestoreFromTheTrashCannotWrite(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      recreateReactions(db, handle, "emoji VARCHAR(20) <computed>", "subject_id, subject_type");

      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema()))
          .containsExactly(
              "column reactions.emoji is computed by the database, which takes no value for it, so a restore from the"
                  + " trash would fail: leave it out of the record and read it in your own queries");
      // The DDL copies the column's type, computed or not (SQLite's table_info hides it: the DDL
      // said the table had no such column).
      handle.execute("DROP TABLE reactions_trash");
      List<String> ddl = TrashTables.ddl(handle, UserDeleter.schema());
      assertThat(ddl).first().asString().startsWith("CREATE TABLE reactions_trash (").contains("emoji");
      ddl.forEach(handle::execute);

      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long post = forum.post(alice, "with a reaction");
      handle.execute("INSERT INTO reactions (subject_type, subject_id) VALUES ('post', ?)", post);
      UserDeleter.destroy(handle, alice, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
      Snapshot trashed = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> UserRestorer.restore(handle, alice))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("reactions")
          .hasMessageContaining("computes");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(trashed);
    }
  }

  @AllDatabases
  void theIndexTheCheckSuggestsForAForeignKeyRunsAsPrintedAndQuotesAReservedTableName(TestDatabase db) {
    db.createSchema(
        List.of(
            "CREATE TABLE customers (id ${id}, name VARCHAR(50) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE ${q:order} (id ${id}, customer_id BIGINT NOT NULL, ${q:value} BIGINT NOT NULL,"
                + " deleted_at ${timestamp})",
            "CREATE TABLE order_lines (id ${id}, order_id BIGINT NOT NULL, ${q:group} VARCHAR(50) NOT NULL,"
                + " deleted_at ${timestamp})"));
    try (Handle handle = db.jdbi().open()) {
      handle.getConfig(CascadeConfig.class).setJournalTable(null);

      List<String> problems = SchemaCheck.problems(handle, false, CustomerDeleter.schema());

      assertThat(problems)
          .containsExactlyInAnyOrder(
              "foreign key order_lines.order_id has no index, so every delete through it scans order_lines;"
                  + " create one: CREATE INDEX order_lines_order_id_idx ON order_lines (order_id)",
              "foreign key order.customer_id has no index, so every delete through it scans order;"
                  + db.kind().ddl(" create one: CREATE INDEX order_customer_id_idx ON ${q:order} (customer_id)"));
      for (String problem : problems) {
        handle.execute(problem.substring(problem.indexOf("create one: ") + "create one: ".length()));
      }
      assertThat(SchemaCheck.problems(handle, false, CustomerDeleter.schema())).isEmpty();
    }
  }

  /**
   * A key that is a relation's foreign key too, as JPA maps the table of a {@code JOINED} subclass
   * and a {@code @MapsId} one-to-one, is a relation the model names: the check reported it as one
   * the model does not (a newcomer's trial on a Hibernate schema, where {@code SchemaCheck.verify}
   * would stop the application from starting). A trash and its restore take those rows along.
   */
  @AllDatabases
  void aKeyThatIsAForeignKeyTooIsARelationTheModelNames(TestDatabase db) {
    Attachments.create(db);
    try (Handle handle = db.jdbi().open()) {
      long photo = Attachments.on(handle).image("photo", 640);
      Attachments.on(handle).image("other", 320);
      Snapshot before = db.snapshot(Attachments.TABLES);

      assertThat(SchemaCheck.problems(handle, true, AttachmentDeleter.schema())).isEmpty();

      assertThat(AttachmentDeleter.destroy(handle, photo, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH))
              .rowsByTable())
          .containsExactly(
              Map.entry("image_attachments", 1L), Map.entry("attachment_settings", 1L),
              Map.entry("attachments", 1L));
      AttachmentRestorer.restore(handle, photo);
      assertThat(db.snapshot(Attachments.TABLES)).isEqualTo(before);
    }
  }

  /**
   * On PostgreSQL, a {@code String} component over an {@code oid} column, as Hibernate maps a
   * {@code @Lob String}: the records Cascade reads carry the large object's number (a newcomer's
   * trial read {@code description=16888}). The check says so, and its fix, run as written, turns the
   * column into the text.
   */
  @Test
  void onPostgresqlAStringOverALargeObjectIsNamedWithTheAlterThatStoresItsText() {
    try (TestDatabase pg = TestDatabase.create(DatabaseKind.POSTGRESQL);
        Handle handle = pg.jdbi().open()) {
      handle.execute("CREATE TABLE attachments (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name oid,"
          + " deleted_at TIMESTAMPTZ)");
      handle.execute("INSERT INTO attachments (name) VALUES (lo_from_bytea(0, convert_to('photo', 'UTF8')))");

      List<String> problems = SchemaCheck.problems(handle, false, AttachmentDeleter.schema()).stream()
          .filter(p -> p.startsWith("column attachments.name")).toList();

      assertThat(problems).containsExactly(
          "column attachments.name is an oid, a large object (Hibernate's @Lob String on PostgreSQL), and its record"
              + " component a String: Cascade trashes and restores the column intact, but the records it reads for"
              + " listeners and returns from restores carry the object's number, not its text; store the text as text"
              + " (ALTER TABLE attachments ALTER COLUMN name TYPE text USING convert_from(lo_get(name), 'UTF8'), and in"
              + " JPA @Column(columnDefinition = \"text\") without @Lob), or declare the component as a long if the"
              + " number is what you want");
      String fix = problems.get(0);
      handle.execute(fix.substring(fix.indexOf("(ALTER TABLE") + 1, fix.indexOf(", and in JPA")));
      assertThat(SchemaCheck.problems(handle, false, AttachmentDeleter.schema()))
          .noneMatch(p -> p.startsWith("column attachments.name"));
      assertThat(handle.createQuery("SELECT name FROM attachments").mapTo(String.class).one()).isEqualTo("photo");
    }
  }

  /**
   * A newcomer's trial kept its schema's {@code ON DELETE CASCADE} to a table it did not model: every
   * trash of a document deleted its share links for good, and the check said nothing.
   */
  @AllDatabases
  void aForeignKeyTheModelDoesNotNameIsReportedWithWhatADeleteWouldDoToItsRows(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      for (String table : List.of("bookmarks", "pins", "drafts")) {
        String action = switch (table) {
          case "bookmarks" -> " ON DELETE CASCADE";
          case "pins" -> " ON DELETE SET NULL";
          default -> "";
        };
        handle.execute(db.kind().ddl("CREATE TABLE " + table + " (id ${id}, post_id BIGINT,"
            + " FOREIGN KEY (post_id) REFERENCES posts (id)" + action + ")"));
        handle.execute("CREATE INDEX " + table + "_post_id ON " + table + " (post_id)");
      }

      assertThat(SchemaCheck.problems(handle, false, UserDeleter.schema()))
          .containsExactlyInAnyOrder(
              "foreign key bookmarks.post_id points at posts, but the model does not name it, so with its ON DELETE"
                  + " CASCADE the database deletes the bookmarks rows of every posts row a PERMANENT or TRASH delete"
                  + " removes: no trash table keeps them, and no restore brings them back; name the relation in the"
                  + " model (@HasMany on the record of posts, @BelongsTo on the component of the record of bookmarks)",
              "foreign key pins.post_id points at posts, but the model does not name it, so with its ON DELETE SET"
                  + " NULL the database unlinks the pins rows of every posts row a PERMANENT or TRASH delete removes,"
                  + " and no restore links them again; name the relation in the model (@HasMany on the record of"
                  + " posts, @BelongsTo on the component of the record of pins)",
              "foreign key drafts.post_id points at posts, but the model does not name it, so a PERMANENT or TRASH"
                  + " delete of a posts row that drafts rows point at fails, and a SOFT delete leaves them pointing at"
                  + " a hidden row, which a purge of it then fails to remove, after the rows below it, in batches, are"
                  + " gone for good; name the relation in the model (@HasMany on the record of posts, @BelongsTo on"
                  + " the component of the record of drafts)");

      // What the first problem warns of: a trash and its restore, and the bookmark is gone for good.
      long alice = handle.createUpdate("INSERT INTO users (name) VALUES ('alice')").executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class).one();
      long post = handle.createUpdate("INSERT INTO posts (user_id, title) VALUES (:u, 'hello')").bind("u", alice)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      handle.execute("INSERT INTO bookmarks (post_id) VALUES (?)", post);
      UserDeleter.destroy(handle, alice, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
      dev.cascade.it.forum.UserRestorer.restore(handle, alice);
      assertThat(handle.createQuery("SELECT COUNT(*) FROM posts").mapTo(Long.class).one()).isEqualTo(1);
      assertThat(handle.createQuery("SELECT COUNT(*) FROM bookmarks").mapTo(Long.class).one()).isZero();
    }
  }

  /** Two foreign keys of one table into the same table are two problems (SQLite names neither). */
  @AllDatabases
  void twoForeignKeysOfOneTableTheModelDoesNotNameAreBothReported(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      handle.execute(db.kind().ddl("CREATE TABLE links (id ${id}, from_post BIGINT, to_post BIGINT,"
          + " FOREIGN KEY (from_post) REFERENCES posts (id), FOREIGN KEY (to_post) REFERENCES posts (id))"));
      handle.execute("CREATE INDEX links_from_post ON links (from_post)");
      handle.execute("CREATE INDEX links_to_post ON links (to_post)");

      assertThat(SchemaCheck.problems(handle, false, UserDeleter.schema()))
          .hasSize(2)
          .anySatisfy(p -> assertThat(p).startsWith("foreign key links.from_post points at posts, but the model does not name it"))
          .anySatisfy(p -> assertThat(p).startsWith("foreign key links.to_post points at posts, but the model does not name it"));
    }
  }

  /**
   * The same trial's two instances, one trashing a folder while the other restored a document in
   * it: the database's {@code ON DELETE CASCADE} deleted the restored document's versions, which
   * no trash table kept.
   */
  @AllDatabases
  void anOnDeleteActionOnARelationTheModelNamesIsReportedWithTheStatementsThatDropIt(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      handle.execute("DROP TABLE likes");
      handle.execute(db.kind().ddl("CREATE TABLE likes (id ${id}, comment_id BIGINT NOT NULL, user_id BIGINT NOT NULL,"
          + " deleted_at ${timestamp}, FOREIGN KEY (comment_id) REFERENCES comments (id) ON DELETE CASCADE,"
          + " FOREIGN KEY (user_id) REFERENCES users (id))"));
      handle.execute("CREATE INDEX likes_comment_id ON likes (comment_id)");
      handle.execute("CREATE INDEX likes_user_id ON likes (user_id)");

      assertThat(SchemaCheck.problems(handle, false, UserDeleter.schema())).isEmpty();
      List<String> problems = SchemaCheck.problems(handle, true, UserDeleter.schema());

      String drop = "drop the action: ";
      assertThat(problems).singleElement().satisfies(problem -> assertThat(problem)
          .startsWith("foreign key likes.comment_id -> comments is ON DELETE CASCADE: Cascade deletes and unlinks"
              + " these rows itself, and the action deletes a row that another transaction restores while a TRASH"
              + " delete of comments runs, with no trash copy, where a plain foreign key would make that delete fail"
              + " and change nothing; " + drop));
      String fix = problems.get(0).substring(problems.get(0).indexOf(drop) + drop.length());
      if (db.kind() == DatabaseKind.SQLITE) {
        assertThat(fix).startsWith("create likes again with the foreign key but without ON DELETE");
        return;
      }
      assertThat(fix).contains("ADD CONSTRAINT").contains("FOREIGN KEY (comment_id) REFERENCES comments (id)");
      for (String statement : fix.split("; ")) {
        handle.execute(statement);
      }
      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema())).isEmpty();
    }
  }

  @AllDatabases
  void theCheckFindsMissingTablesAndColumns(TestDatabase db) {
    db.createSchema(java.util.List.of("CREATE TABLE users (id ${id}, name VARCHAR(100) NOT NULL)"));
    try (Handle handle = db.jdbi().open()) {
      assertThat(SchemaCheck.problems(handle, false, UserDeleter.schema()))
          .contains(
              "table users has no column deleted_at, which its record names: add the column to the table, or take the"
                  + " component out of the record",
              "table posts does not exist", "table sessions does not exist");
    }
  }

  @AllDatabases
  void aColumnCreatedInQuotesWithItsOwnCaseIsNamedWithTheRenameThatFixesIt(TestDatabase db) {
    db.createSchema(List.of("CREATE TABLE users (id ${id}, ${q:Name} VARCHAR(100) NOT NULL, deleted_at ${timestamp})"));
    try (Handle handle = db.jdbi().open()) {
      namedWithItsRename(
          db,
          handle,
          keptCase(SchemaCheck.problems(handle, false, UserDeleter.schema())),
          "column users.\"Name\" keeps its case, as it was created in quotes, but Cascade writes name without"
              + " quotes, which this database reads as " + folded(db, "name") + ", so every statement on users would"
              + " fail; rename it: ALTER TABLE users RENAME COLUMN \"Name\" TO name");

      assertThat(keptCase(SchemaCheck.problems(handle, false, UserDeleter.schema()))).isEmpty();
      // Where the check is silent, the name as Cascade writes it, without quotes, finds the column.
      handle.execute("INSERT INTO users (name) VALUES ('alice')");
      assertThat(handle.createQuery("SELECT name FROM users").mapTo(String.class).list()).containsExactly("alice");
    }
  }

  /**
   * On H2, a name another library created quoted in lower case (Hibernate quotes a keyword table and
   * the columns that point at it): a rename would break that library, and H2's {@code
   * DATABASE_TO_LOWER=TRUE} serves both, so the check offers it too (a newcomer's trial). It does
   * (the second half of the test): there the check is silent and the name without quotes finds
   * the column.
   */
  @Test
  void onH2ANameStoredInLowerCaseInQuotesIsNamedWithTheRenameAndWithDatabaseToLower() {
    String ddl = "CREATE TABLE users (id ${id}, \"name\" VARCHAR(100) NOT NULL, deleted_at ${timestamp})";
    try (TestDatabase h2 = TestDatabase.h2With(""); Handle handle = open(h2, ddl)) {
      assertThat(keptCase(SchemaCheck.problems(handle, false, UserDeleter.schema())))
          .containsExactly(
              "column users.\"name\" keeps its case, as it was created in quotes, but Cascade writes name without"
                  + " quotes, which this database reads as NAME, so every statement on users would fail; rename it:"
                  + " ALTER TABLE users RENAME COLUMN \"name\" TO name; or, where other code writes the name quoted in"
                  + " lower case (Hibernate quoting keywords), open H2 with ;DATABASE_TO_LOWER=TRUE instead, under"
                  + " which both find it");
    }
    try (TestDatabase lower = TestDatabase.h2With(";DATABASE_TO_LOWER=TRUE"); Handle handle = open(lower, ddl)) {
      assertThat(keptCase(SchemaCheck.problems(handle, false, UserDeleter.schema()))).isEmpty();
      handle.execute("INSERT INTO users (name) VALUES ('alice')");
      assertThat(handle.createQuery("SELECT name FROM users").mapTo(String.class).list()).containsExactly("alice");
    }
  }

  private static Handle open(TestDatabase db, String ddl) {
    db.createSchema(List.of(ddl));
    return db.jdbi().open();
  }

  @AllDatabases
  void aTableCreatedInQuotesWithItsOwnCaseIsNamedWithTheRenameThatFixesIt(TestDatabase db) {
    db.createSchema(List.of("CREATE TABLE ${q:Venues} (id ${id}, code VARCHAR(20))"));
    CascadeSchema venues =
        CascadeSchema.builder().table("Venues", "venues_trash", "trashed_at").key("id", long.class)
            .column("code", String.class).build();
    try (Handle handle = db.jdbi().open()) {
      handle.getConfig(CascadeConfig.class).setJournalTable(null);
      namedWithItsRename(
          db,
          handle,
          SchemaCheck.problems(handle, false, venues),
          "table \"Venues\" keeps its case, as it was created in quotes, but Cascade writes Venues without"
              + " quotes, which this database reads as " + folded(db, "Venues") + ", so every statement on it would"
              + " fail; rename it: ALTER TABLE \"Venues\" RENAME TO Venues");

      assertThat(SchemaCheck.problems(handle, false, venues)).isEmpty();
    }
  }

  /**
   * Reserved names created in quotes in upper case, as H2's users write them ({@code "ORDER"},
   * {@code "VALUE"}): generated SQL quotes a reserved name as the model spells it, so on PostgreSQL
   * and H2 it does not find them, and the check names each with the rename that fixes it (a
   * newcomer's trial on H2 found the check silent and every delete failing). A name Cascade writes
   * bare there is told apart ({@code value} on PostgreSQL). SQLite and MariaDB find columns in any
   * case (the table is created in lower case there: MariaDB's table names keep their case on Linux).
   */
  @AllDatabases
  void reservedNamesCreatedInQuotesInUpperCaseAreNamedWithTheRenamesThatFixThem(TestDatabase db) {
    boolean folds = db.kind() == DatabaseKind.POSTGRESQL || db.kind() == DatabaseKind.H2;
    db.createSchema(
        List.of(
            "CREATE TABLE customers (id ${id}, name VARCHAR(50) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE " + (folds ? "${q:ORDER}" : "${q:order}") + " (id ${id}, customer_id BIGINT NOT NULL,"
                + " ${q:VALUE} BIGINT NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE order_lines (id ${id}, order_id BIGINT NOT NULL, ${q:GROUP} VARCHAR(50) NOT NULL,"
                + " deleted_at ${timestamp})"));
    try (Handle handle = db.jdbi().open()) {
      handle.getConfig(CascadeConfig.class).setJournalTable(null);
      List<String> renames =
          SchemaCheck.problems(handle, false, CustomerDeleter.schema()).stream().filter(p -> p.contains("RENAME")).toList();

      if (!folds) {
        assertThat(renames).isEmpty();
      } else {
        assertThat(renames)
            .containsExactlyInAnyOrder(
                "table \"ORDER\" is stored in that case, but Cascade writes \"order\" in quotes, as order is reserved here,"
                    + " which this database matches exactly (create a reserved name in quotes as the model spells it), so"
                    + " every statement on it would fail; rename it: ALTER TABLE \"ORDER\" RENAME TO \"order\"",
                db.kind() == DatabaseKind.H2
                    ? "column order.\"VALUE\" is stored in that case, but Cascade writes \"value\" in quotes, as value is"
                        + " reserved here, which this database matches exactly (create a reserved name in quotes as the"
                        + " model spells it), so every statement on order would fail; rename it: ALTER TABLE \"order\""
                        + " RENAME COLUMN \"VALUE\" TO \"value\""
                    : "column order.\"VALUE\" keeps its case, as it was created in quotes, but Cascade writes value without"
                        + " quotes, which this database reads as value, so every statement on order would fail; rename it:"
                        + " ALTER TABLE \"order\" RENAME COLUMN \"VALUE\" TO value",
                "column order_lines.\"GROUP\" is stored in that case, but Cascade writes \"group\" in quotes, as group is"
                    + " reserved here, which this database matches exactly (create a reserved name in quotes as the model"
                    + " spells it), so every statement on order_lines would fail; rename it: ALTER TABLE order_lines"
                    + " RENAME COLUMN \"GROUP\" TO \"group\"");
        for (String rename : renames) {
          handle.execute(rename.substring(rename.indexOf("ALTER TABLE")));
        }
        assertThat(SchemaCheck.problems(handle, false, CustomerDeleter.schema())).noneMatch(p -> p.contains("RENAME"));
      }
      handle.execute("INSERT INTO customers (id, name) VALUES (1, 'ada')");
      handle.execute(db.kind().ddl("INSERT INTO ${q:order} (id, customer_id, ${q:value}) VALUES (2, 1, 10)"));
      handle.execute(db.kind().ddl("INSERT INTO order_lines (id, order_id, ${q:group}) VALUES (3, 2, 'a')"));
      CustomerDeleter.destroy(handle, 1L, DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT));
      assertThat(handle.select("SELECT COUNT(*) FROM order_lines").mapTo(Long.class).one()).isZero();
    }
  }

  /**
   * On PostgreSQL and H2, which fold unquoted names, exactly the problem {@code expected}, whose
   * rename then runs; SQLite, MySQL and MariaDB find a name in any case, and report nothing.
   */
  private static void namedWithItsRename(TestDatabase db, Handle handle, List<String> problems, String expected) {
    if (db.kind() != DatabaseKind.POSTGRESQL && db.kind() != DatabaseKind.H2) {
      assertThat(problems).isEmpty();
      return;
    }
    assertThat(problems).containsExactly(expected);
    handle.execute(expected.substring(expected.indexOf("ALTER TABLE")));
  }

  /** How the database stores a name written without quotes: upper case on H2, lower elsewhere. */
  private static String folded(TestDatabase db, String name) {
    return db.kind() == DatabaseKind.H2 ? name.toUpperCase(java.util.Locale.ROOT) : name.toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> keptCase(List<String> problems) {
    return problems.stream().filter(p -> p.contains("keeps its case")).toList();
  }

  @AllDatabases
  void aMissingColumnNamesTheColumnsNoComponentNames(TestDatabase db) {
    db.createSchema(
        java.util.List.of("CREATE TABLE users (id ${id}, name VARCHAR(100) NOT NULL, removed_at ${timestamp})"));
    try (Handle handle = db.jdbi().open()) {
      assertThat(SchemaCheck.problems(handle, false, UserDeleter.schema()))
          .contains(
              "table users has no column deleted_at (its columns no record component names: removed_at; if one of"
                  + " them is this component's, name it with @Column(\"...\") on the component)");
    }
  }

  @AllDatabases
  void trashDdlIsOneCreateTableWithItsIndexesPerTrashTable(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      List<List<String>> forms =
          List.of(
              TrashTables.ddl(handle, UserDeleter.schema(), UserDeleter.schema()),
              TrashTables.ddl(Dialect.of(handle), UserDeleter.schema(), UserDeleter.schema()));
      for (List<String> ddl : forms) {
        assertThat(ddl.stream().filter(s -> s.startsWith("CREATE TABLE") && !s.contains("IF NOT EXISTS")))
            .containsExactly(
                ddl.stream().filter(s -> s.startsWith("CREATE TABLE likes_trash")).findFirst().orElseThrow(),
                ddl.stream().filter(s -> s.startsWith("CREATE TABLE reactions_trash")).findFirst().orElseThrow(),
                ddl.stream().filter(s -> s.startsWith("CREATE TABLE comments_trash")).findFirst().orElseThrow(),
                ddl.stream().filter(s -> s.startsWith("CREATE TABLE posts_trash")).findFirst().orElseThrow(),
                ddl.stream().filter(s -> s.startsWith("CREATE TABLE users_trash")).findFirst().orElseThrow());
        assertThat(ddl).contains("CREATE INDEX posts_trash_deletion_id ON posts_trash (deletion_id)");
      }
      // The journal exists already: the handle's form leaves it out, the dialect's, for a migration, has it.
      assertThat(forms.get(0)).doesNotContainAnyElementsOf(Journal.ddl(Dialect.of(handle)));
      assertThat(forms.get(1)).containsSequence(Journal.ddl(Dialect.of(handle)));
      assertThat(TrashTables.script(handle, UserDeleter.schema()))
          .isEqualTo(String.join(";\n", TrashTables.ddl(handle, UserDeleter.schema())) + ";");
    }
  }

  @AllDatabases
  void theCheckNamesAMissingJournalAndHowToCreateIt(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      handle.execute("DROP TABLE cascade_operations");

      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema()))
          .containsExactly(
              "the operations journal cascade_operations does not exist, so every delete would fail; create it with"
                  + " Journal.ddl(Dialect.of(handle)) (TrashTables.ddl includes it), or turn the journal off with"
                  + " CascadeConfig.setJournalTable(null)");
      handle.getConfig(CascadeConfig.class).setJournalTable(null);
      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema())).isEmpty();
    }
  }

  @AllDatabases
  void trashDdlFromTheDatabaseNamesAMissingTableOrColumn(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      handle.execute("ALTER TABLE reactions DROP COLUMN emoji");
      assertThatThrownBy(() -> TrashTables.ddl(handle, CommentDeleter.schema()))
          .isInstanceOf(CascadeException.class)
          .hasMessageStartingWith("cannot write the trash table of reactions: table reactions has no column emoji");

      handle.execute("DROP TABLE likes");
      assertThatThrownBy(() -> TrashTables.ddl(handle, UserDeleter.schema()))
          .isInstanceOf(CascadeException.class)
          .hasMessageStartingWith("cannot write the trash table of likes: table likes does not exist");
    }
  }

  /**
   * Recreates the forum's reactions with these columns after its foreign key, and an index on
   * {@code indexed}; {@code <computed>} in the columns makes a column the database computes (from
   * {@code subject_type}).
   */
  private static void recreateReactions(TestDatabase db, Handle handle, String columns, String indexed) {
    String computed = "GENERATED ALWAYS AS (UPPER(subject_type))" + (db.kind() == DatabaseKind.H2 ? "" : " STORED");
    handle.execute("DROP TABLE reactions");
    handle.execute(
        db.kind().ddl("CREATE TABLE reactions (id ${id}, subject_type VARCHAR(20) NOT NULL, subject_id BIGINT NOT NULL, "
            + columns.replace("<computed>", computed) + ", deleted_at ${timestamp})"));
    handle.execute("CREATE INDEX reactions_subject ON reactions (" + indexed + ")");
  }
}
