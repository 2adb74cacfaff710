package dev.cascade.example.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.Operation;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.RestorePreview;
import dev.cascade.runtime.TrashTables;
import dev.cascade.runtime.TransactionConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/**
 * The README's Java cannot drift from the code: every {@code ```java} block of README.md is either
 * a copy of tagged regions of {@link ReadmeExamples} and the models beside it, which compile here
 * and run below on H2 ({@code <!-- snippet: name ... -->} before the block), or an excerpt of a
 * file whose lines it shows in order ({@code <!-- excerpt: path -->}). The Quickstart's Maven
 * versions are this build's. After changing a region, run with {@code -Dcascade.readme.update=true}
 * to copy it into the README, and review the diff.
 */
class ReadmeTest {
  private static final Path ROOT = Path.of(System.getProperty("cascade.root", "..")).toAbsolutePath().normalize();
  private static final Path README = ROOT.resolve("README.md");
  private static final Path SOURCES = ROOT.resolve("example/src/test/java/dev/cascade/example/readme");
  private static final Pattern MARKER = Pattern.compile("<!-- (snippet|excerpt): (.+?) -->");
  private static final Pattern TAG = Pattern.compile("\\s*// (tag|end)::([\\w-]+)\\[\\]\\s*");

  /** One {@code ```java} block: where it is, what precedes it, its lines. */
  private record Block(int line, String marker, int start, int end, List<String> lines) {}

  @Test
  void everyJavaBlockIsACopyOfCompiledRegionsOrAnExcerptOfAFile() throws IOException {
    List<String> readme = Files.readAllLines(README);
    Map<String, List<String>> regions = regions();
    List<String> problems = new ArrayList<>();
    List<String> updated = new ArrayList<>(readme);
    boolean update = Boolean.getBoolean("cascade.readme.update");
    List<Block> blocks = blocks(readme);
    for (int b = blocks.size() - 1; b >= 0; b--) {
      Block block = blocks.get(b);
      Matcher marker = MARKER.matcher(block.marker());
      if (!marker.matches()) {
        problems.add("README.md:" + block.line() + ": a java block that no test compiles; put <!-- snippet: name -->"
            + " before it, naming regions // tag::name[] ... // end::name[] of " + SOURCES + ", or <!-- excerpt: path -->");
        continue;
      }
      if (marker.group(1).equals("excerpt")) {
        excerptProblem(block, ROOT.resolve(marker.group(2))).ifPresent(problems::add);
        continue;
      }
      List<String> expected = new ArrayList<>();
      for (String name : marker.group(2).trim().split("\\s+")) {
        if (!regions.containsKey(name)) {
          problems.add("README.md:" + block.line() + ": no region " + name + " in " + SOURCES);
          continue;
        }
        if (!expected.isEmpty()) {
          expected.add("");
        }
        expected.addAll(regions.get(name));
      }
      if (!expected.equals(block.lines())) {
        if (update) {
          updated.subList(block.start(), block.end()).clear();
          updated.addAll(block.start(), expected);
        } else {
          problems.add("README.md:" + block.line() + ": the block differs from " + marker.group(2) + "; it should read\n"
              + String.join("\n", expected) + "\n(run with -Dcascade.readme.update=true to copy it)");
        }
      }
    }
    if (update && !updated.equals(readme)) {
      Files.write(README, updated);
    }
    Collections.reverse(problems);
    assertThat(problems).isEmpty();
  }

  @Test
  void theQuickstartPinsTheVersionsOfThisBuild() throws IOException {
    String readme = Files.readString(README);
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    String compiler = property(pom, "compiler-plugin.version");
    String release = property(pom, "maven.compiler.release");

    assertThat(readme).contains(
        "<artifactId>maven-compiler-plugin</artifactId>\n      <version>" + compiler + "</version>");
    assertThat(readme).contains("<release>" + release + "</release>");
    Matcher versions = Pattern.compile("<artifactId>cascade-[a-z]+</artifactId>\\s*<version>([^<]+)</version>").matcher(readme);
    int found = 0;
    while (versions.find()) {
      assertThat(versions.group(1)).isEqualTo(System.getProperty("cascade.version"));
      found++;
    }
    assertThat(found).as("the annotations, the runtime and the processor").isEqualTo(3);
    assertThat(readme).contains("[DESIGN.md](DESIGN.md)");
    assertThat(ROOT.resolve("DESIGN.md")).exists();
  }

  @Test
  void theExamplesRunAndTheirCommentsTellTheTruth() {
    Jdbi jdbi = blog();
    try (Handle handle = jdbi.open()) {
      ReadmeExamples.quickstart(jdbi);
      Operation quickstart = Journal.recent(handle, 1).get(0);
      assertThat(quickstart.rowsByTable())
          .containsExactly(Map.entry("comments", 12L), Map.entry("posts", 3L), Map.entry("users", 1L));
      assertThat(handle.select("SELECT COUNT(*) FROM comments WHERE deleted_at IS NULL").mapTo(Long.class).one())
          .isEqualTo(24);

      assertThat(ReadmeExamples.notDeleted(handle)).hasSize(6);
      UserDeleter.destroy(handle, 7L);
      assertThat(ReadmeExamples.notDeleted(handle)).hasSize(4);
      UserDeleter.destroy(handle, 42L);
      RestorePreview undo = ReadmeExamples.previews(handle);
      assertThat(undo.rowsByTable())
          .containsExactly(Map.entry("users", 1L), Map.entry("posts", 3L), Map.entry("comments", 12L));
      assertThat(undo.strategy()).isEqualTo(DeleteStrategy.SOFT);
      assertThat(undo.blockedBy()).isEmpty();
      UserRestorer.restore(handle, 7L);
      assertThat(UserDeleter.previewAll(handle, List.of(7L, 9L)).rowsByTable())
          .containsExactly(Map.entry("comments", 12L), Map.entry("posts", 3L), Map.entry("users", 2L));

      ReadmeExamples.requireExisting(handle, List.of(7L, 404L));
      assertThat(handle.select("SELECT COUNT(*) FROM users WHERE id = 7 AND deleted_at IS NULL").mapTo(Long.class).one())
          .as("an unknown id among them: nothing deleted").isEqualTo(1);

      User back = ReadmeExamples.overview(handle, 9L);
      assertThat(back.id()).isEqualTo(9L);
    }
    assertThat(ReadmeExamples.serializable(jdbi, 7L).deletedCount()).isEqualTo(1);
  }

  /**
   * The retry example gives up after three attempts while another transaction keeps the user's row
   * locked, having changed nothing, and deletes once it is free.
   */
  @Test
  void theRetryExampleTriesThreeTimesWhileARowIsLockedAndDeletesOnceItIsFree() throws InterruptedException {
    Jdbi jdbi = blog();
    try (Handle writer = jdbi.open(); Handle handle = jdbi.open()) {
      writer.begin();
      writer.execute("UPDATE users SET name = 'renamed' WHERE id = 9");
      handle.execute("SET LOCK_TIMEOUT 50");
      List<String> userMarks = new ArrayList<>();
      handle.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
        @Override
        public void logBeforeExecution(StatementContext context) {
          if (context.getRenderedSql().startsWith("UPDATE users SET deleted_at")) {
            userMarks.add(context.getRenderedSql());
          }
        }
      });

      assertThatThrownBy(() -> ReadmeExamples.retry(handle, 9L))
          .isInstanceOf(TransactionConflictException.class)
          .hasMessageContaining("users 9");
      assertThat(userMarks).as("attempts").hasSize(3);
      assertThat(handle.select("SELECT COUNT(*) FROM posts WHERE user_id = 9 AND deleted_at IS NULL").mapTo(Long.class).one())
          .as("nothing changed").isEqualTo(1);

      writer.commit();
      userMarks.clear();
      assertThat(ReadmeExamples.retry(handle, 9L).totalRows()).isEqualTo(6);
      assertThat(userMarks).as("attempts").hasSize(1);
      assertThat(handle.select("SELECT COUNT(*) FROM users WHERE id = 9 AND deleted_at IS NULL").mapTo(Long.class).one())
          .isZero();
    }
  }

  @Test
  void theEventsExampleAuditsEachUserBeforeItGoes() {
    Jdbi jdbi = blog();
    List<String> audited = new ArrayList<>();
    ReadmeExamples.events(jdbi, user -> audited.add(user.name()));
    try (Handle handle = jdbi.open()) {
      UserDeleter.destroyAll(handle, List.of(9L, 7L), DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
    }
    assertThat(audited).containsExactly("user 9", "user 7");
  }

  @Test
  void theTrashTablesExampleCreatesTablesThatPassTheSchemaCheck() {
    Jdbi jdbi = Jdbi.create("jdbc:h2:mem:readme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Handle handle = jdbi.open()) {
      tables(handle);
      assertThat(ReadmeExamples.trashTables(handle)).contains("CREATE TABLE users_trash");
    }
  }

  @Test
  void thePurgeExampleRemovesOldOperationsAndTheBatchedDeleteTrashesAUser() {
    Jdbi jdbi = blog();
    try (Handle handle = jdbi.open()) {
      UserDeleter.destroy(handle, 42L);
      UserDeleter.destroy(handle, 7L, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
      handle.getConfig(CascadeConfig.class).setClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(31)));

      ReadmeExamples.PurgedAndBatched done = ReadmeExamples.purgeAndBatches(handle, 9L);

      assertThat(done.purged().operations()).isEqualTo(2);
      assertThat(done.purged().rowsByTable())
          .containsEntry("users", 1L).containsEntry("users_trash", 1L).containsEntry("comments", 12L)
          .containsEntry("comments_trash", 8L);
      assertThat(done.wouldBe().operations()).as("nothing left to purge").isZero();
      assertThat(handle.select("SELECT id FROM users ORDER BY id").mapTo(Long.class).list()).containsExactly(1L);
      assertThat(handle.select("SELECT id FROM users_trash").mapTo(Long.class).list()).containsExactly(9L);
      assertThat(done.result().strategy()).isEqualTo(DeleteStrategy.TRASH);
      assertThat(done.result().rowsByTable()).containsEntry("users", 1L).containsEntry("comments", 4L);
      assertThat(Journal.find(handle, done.result().deletionId()).orElseThrow().state()).isEqualTo(OperationState.DELETED);
    }
  }

  /**
   * The README's SQLite mapper reads an {@code OffsetDateTime} as the driver writes one, ISO text,
   * and as it stores the markers Cascade writes, milliseconds (here on H2, which returns either
   * value as SQLite's driver does).
   */
  @Test
  void theSqliteOffsetDateTimeMapperReadsTextAndMilliseconds() {
    Jdbi jdbi = Jdbi.create("jdbc:h2:mem:readme-" + UUID.randomUUID());
    ReadmeExamples.sqliteOffsetDateTime(jdbi);
    try (Handle handle = jdbi.open()) {
      assertThat(handle.select("SELECT '2024-03-31T02:30:00+02:00'").mapTo(OffsetDateTime.class).one())
          .isEqualTo(OffsetDateTime.parse("2024-03-31T02:30:00+02:00"));
      assertThat(handle.select("SELECT CAST(1796088627939 AS BIGINT)").mapTo(OffsetDateTime.class).one())
          .isEqualTo(Instant.ofEpochMilli(1_796_088_627_939L).atOffset(ZoneOffset.UTC));
      assertThat(handle.select("SELECT CAST(NULL AS BIGINT)").mapTo(OffsetDateTime.class).one()).isNull();
    }
  }

  @Test
  void thePluginSetsTheDefaultStrategyAndTheActorOfEveryDelete() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:readme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Jdbi jdbi = ReadmeExamples.plugin(dataSource, () -> "alice@example.com");
    try (Handle handle = jdbi.open()) {
      tables(handle);
      TrashTables.ddl(handle, UserDeleter.schema(), ProjectDeleter.schema()).forEach(handle::execute);
      handle.execute("INSERT INTO projects (id, name) VALUES (1, 'apollo')");

      DeleteResult result = ProjectDeleter.destroy(handle, 1L);

      assertThat(result.strategy()).as("Project names no strategy: the plugin's default").isEqualTo(DeleteStrategy.SOFT);
      assertThat(Journal.find(handle, result.deletionId()).orElseThrow().actor()).hasValue("alice@example.com");
    }
  }

  @Test
  void theJournalExampleShowsWhoDeletedWhatAndUndoesThatDelete() {
    Jdbi jdbi = blog();
    jdbi.getConfig(CascadeConfig.class).setClock(Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));
    try (Handle handle = jdbi.open()) {
      List<String> before = rows(handle);

      List<User> back = ReadmeExamples.journal(handle);

      assertThat(back).extracting(User::id).containsExactly(42L);
      assertThat(rows(handle)).isEqualTo(before);
      Operation op = Journal.recent(handle, 20).get(0);
      assertThat(Journal.recent(handle, 20)).hasSize(1);
      assertThat(List.of(op.deletedAt(), op.strategy(), op.table(), op.ids(), op.actor(), op.reason(), op.totalRows()))
          .containsExactly(Instant.parse("2025-06-01T12:00:00Z"), DeleteStrategy.SOFT, "users", List.of("42"),
              Optional.of("alice@example.com"), Optional.of("GDPR request 4711"), 16L);
      assertThat(op.state()).isEqualTo(OperationState.RESTORED);
      assertThat(op.restoredAt()).isPresent();
    }
  }

  @Test
  void theUndoExampleSaysWhyAnOperationCannotComeBack() {
    Jdbi jdbi = blog();
    try (Handle handle = jdbi.open()) {
      String soft = UserDeleter.destroy(handle, 42L).deletionId();
      String permanent = UserDeleter.destroy(handle, 9L, DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT))
          .deletionId();
      List<String> before = rows(handle);
      assertThat(ReadmeExamples.undo(handle, permanent)).isEqualTo("cannot undo: PERMANENT");
      assertThat(ReadmeExamples.undo(handle, "no-such-operation")).isEqualTo("cannot undo: UNKNOWN");
      assertThat(rows(handle)).as("nothing was changed").isEqualTo(before);
      assertThat(ReadmeExamples.undo(handle, soft)).isEqualTo("restored 1 users");
      assertThat(ReadmeExamples.undo(handle, soft)).isEqualTo("cannot undo: RESTORED");

      // Every comment is user 1's: deleted with user 1, while a post of user 7 is then deleted on its own.
      long post = handle.select("SELECT MIN(id) FROM posts WHERE user_id = 7").mapTo(Long.class).one();
      String commenter = UserDeleter.destroy(handle, 1L).deletionId();
      String postDelete = PostDeleter.destroy(handle, post, DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT)).deletionId();
      before = rows(handle);
      assertThat(ReadmeExamples.undo(handle, commenter)).isEqualTo("first undo " + postDelete + ", which deleted posts " + post);
      assertThat(rows(handle)).as("nothing was changed").isEqualTo(before);
    }
  }

  /**
   * The journal's cost, as the README states it: two statements per delete (its row, then its
   * counts), two per restore (the operations being restored, their new state), and for a trash
   * restore the count that tells whole operations apart, which needs the journal; restoreOperation
   * reads the operation first, and for TRASH leaves out the restore's look at the live table.
   */
  @Test
  void theJournalAddsTwoStatementsToEachDeleteAndEachRestore() {
    Map<String, Integer> on = journalStatements(true);
    Map<String, Integer> off = journalStatements(false);
    for (String call : List.of("soft delete", "soft restore", "trash delete", "permanent delete")) {
      assertThat(on.get(call) - off.get(call)).as(call + ": " + on + " and, the journal off, " + off).isEqualTo(2);
    }
    // Without the journal a trash restore cannot tell whole operations apart, so it skips the count too.
    assertThat(on.get("trash restore") - off.get("trash restore")).as("trash restore: " + on + " and " + off).isEqualTo(3);
    assertThat(on.get("soft restoreOperation") - on.get("soft restore")).as("restoreOperation reads the operation").isEqualTo(1);
    assertThat(on.get("trash restoreOperation")).as("a trash one need not look at the live table").isEqualTo(on.get("trash restore"));
  }

  private static Map<String, Integer> journalStatements(boolean journal) {
    Jdbi jdbi = blog();
    if (!journal) {
      jdbi.getConfig(CascadeConfig.class).setJournalTable(null);
    }
    Map<String, Integer> counts = new TreeMap<>();
    List<String> statements = new ArrayList<>();
    try (Handle handle = jdbi.open()) {
      handle.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
        @Override
        public void logAfterExecution(StatementContext context) {
          statements.add(context.getRenderedSql());
        }
      });
      // Each call once before counting, so that what the runtime reads once (column types) is read.
      UserDeleter.destroy(handle, 9L);
      UserRestorer.restore(handle, 9L);
      UserDeleter.destroy(handle, 9L, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
      UserRestorer.restore(handle, 9L);
      Runnable reset = statements::clear;
      reset.run();
      UserDeleter.destroy(handle, 42L);
      counts.put("soft delete", statements.size());
      reset.run();
      UserRestorer.restore(handle, 42L);
      counts.put("soft restore", statements.size());
      reset.run();
      UserDeleter.destroy(handle, 42L, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH)).deletionId();
      counts.put("trash delete", statements.size());
      reset.run();
      UserRestorer.restore(handle, 42L);
      counts.put("trash restore", statements.size());
      if (journal) {
        UserDeleter.destroy(handle, 7L, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
        String seven = Journal.recent(handle, 1).get(0).deletionId();
        reset.run();
        UserRestorer.restoreOperation(handle, seven);
        counts.put("trash restoreOperation", statements.size());
        UserDeleter.destroy(handle, 7L);
        seven = Journal.recent(handle, 1).get(0).deletionId();
        reset.run();
        UserRestorer.restoreOperation(handle, seven);
        counts.put("soft restoreOperation", statements.size());
      } else {
        UserDeleter.destroy(handle, 7L, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
        UserRestorer.restore(handle, 7L);
      }
      reset.run();
      UserDeleter.destroy(handle, 42L, DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT));
      counts.put("permanent delete", statements.size());
    }
    return counts;
  }

  /** Every row of the README's tables and their trash tables, to tell whether a call changed any. */
  private static List<String> rows(Handle handle) {
    List<String> rows = new ArrayList<>();
    for (String table : List.of("users", "posts", "comments", "sessions", "users_trash", "posts_trash", "comments_trash")) {
      handle.select("SELECT * FROM " + table + " ORDER BY id").mapToMap().forEach(row -> rows.add(table + " " + row));
    }
    return rows;
  }

  /**
   * The README's users on H2: 42 with three posts of four comments each, 7 with two posts and 9 with
   * one, of four comments each; every comment by user 1. With trash tables and the journal.
   */
  private static Jdbi blog() {
    Jdbi jdbi = Jdbi.create("jdbc:h2:mem:readme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Handle handle = jdbi.open()) {
      tables(handle);
      TrashTables.ddl(handle, UserDeleter.schema(), ProjectDeleter.schema()).forEach(handle::execute);
      for (long user : List.of(1L, 42L, 7L, 9L)) {
        handle.execute("INSERT INTO users (id, name) VALUES (?, ?)", user, "user " + user);
      }
      long post = 0;
      long comment = 0;
      for (Map.Entry<Long, Integer> posts : Map.of(42L, 3, 7L, 2, 9L, 1).entrySet()) {
        for (int p = 0; p < posts.getValue(); p++) {
          handle.execute("INSERT INTO posts (id, user_id, title) VALUES (?, ?, ?)", ++post, posts.getKey(), "post " + post);
          for (int c = 0; c < 4; c++) {
            handle.execute("INSERT INTO comments (id, post_id, author_id, body) VALUES (?, ?, 1, 'hi')", ++comment, post);
          }
        }
      }
    }
    return jdbi;
  }

  private static void tables(Handle handle) {
    for (String ddl : List.of(
        "CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, deleted_at TIMESTAMP(6))",
        "CREATE TABLE posts (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users (id),"
            + " title VARCHAR(100) NOT NULL, deleted_at TIMESTAMP(6))",
        "CREATE INDEX posts_user_id ON posts (user_id)",
        "CREATE TABLE comments (id BIGINT PRIMARY KEY, post_id BIGINT NOT NULL REFERENCES posts (id),"
            + " author_id BIGINT NOT NULL REFERENCES users (id), body VARCHAR(100) NOT NULL, deleted_at TIMESTAMP(6))",
        "CREATE INDEX comments_post_id ON comments (post_id)",
        "CREATE INDEX comments_author_id ON comments (author_id)",
        "CREATE TABLE invoices (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users (id), cents BIGINT)",
        "CREATE INDEX invoices_user_id ON invoices (user_id)",
        "CREATE TABLE sessions (id BIGINT PRIMARY KEY, user_id BIGINT REFERENCES users (id), token VARCHAR(100))",
        "CREATE INDEX sessions_user_id ON sessions (user_id)",
        "CREATE TABLE projects (id BIGINT PRIMARY KEY, name VARCHAR(100), deleted_at TIMESTAMP(6))")) {
      handle.execute(ddl);
    }
  }

  /** Every {@code ```java} block with the non-blank line before it. */
  private static List<Block> blocks(List<String> readme) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      if (!readme.get(i).equals("```java")) {
        continue;
      }
      int before = i - 1;
      while (before >= 0 && readme.get(before).isBlank()) {
        before--;
      }
      int end = i + 1;
      while (!readme.get(end).equals("```")) {
        end++;
      }
      blocks.add(new Block(i + 1, before < 0 ? "" : readme.get(before).trim(), i + 1, end, readme.subList(i + 1, end)));
      i = end;
    }
    return blocks;
  }

  /** The regions of the README's sources, by name, each without the indentation its lines share. */
  private static Map<String, List<String>> regions() throws IOException {
    Map<String, List<String>> regions = new TreeMap<>();
    try (var files = Files.list(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher start = TAG.matcher(lines.get(i));
          if (start.matches() && start.group(1).equals("tag")) {
            int end = lines.indexOf(lines.get(i).replace("// tag::", "// end::"));
            regions.put(start.group(2), dedent(lines.subList(i + 1, end)));
          }
        }
      }
    }
    return regions;
  }

  private static List<String> dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }

  /**
   * Each line of the block, but blank ones and {@code ...}, is a line of the file, in the file's
   * order; a line ending in {@code { ... }} stands for the line that opens that body.
   */
  private static Optional<String> excerptProblem(Block block, Path file) throws IOException {
    List<String> source = Files.readAllLines(file);
    int at = 0;
    for (String line : block.lines()) {
      String wanted = line.strip();
      if (wanted.isEmpty() || wanted.equals("...")) {
        continue;
      }
      String opening = wanted.endsWith(" { ... }") ? wanted.substring(0, wanted.length() - " ... }".length()) : wanted;
      while (at < source.size() && !source.get(at).strip().equals(opening)) {
        at++;
      }
      if (at == source.size()) {
        return Optional.of("README.md:" + block.line() + ": the excerpt's line \"" + wanted + "\" is not in "
            + file + " where it shows it (after the lines before it); copy the excerpt from that file again");
      }
      at++;
    }
    return Optional.empty();
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
    assertThat(m.find()).as("%s in the root pom", name).isTrue();
    return m.group(1);
  }
}
