package dev.cascade.benchmarks;

import dev.cascade.benchmarks.tracker.FlatProjectDeleter;
import dev.cascade.benchmarks.tracker.FlatTaskDeleter;
import dev.cascade.benchmarks.tracker.ProjectDeleter;
import dev.cascade.benchmarks.tracker.TaskDeleter;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The tracker's schema (projects, tasks, task comments, their trash tables; {@code flat_} ones for
 * {@link TaskLayout#FLAT}) and its data, loaded set-based on the server. Ids are dense: project
 * {@code p}'s task {@code k} is {@code (p - 1) * n + k + 1}, and its comment has the same id.
 * Indexes on every foreign-key column and plain foreign keys ({@code NO ACTION}; the tree's
 * {@code parent_id} too) are added after the load.
 */
final class TrackerData implements Dataset {
  private final Handle handle;
  private final DatabaseKind kind;
  private final TaskLayout layout;
  private final String projects;
  private final String tasks;
  private final String comments;

  TrackerData(Handle handle, DatabaseKind kind, TaskLayout layout) {
    this.handle = handle;
    this.kind = kind;
    this.layout = layout;
    String prefix = layout.tree() ? "" : "flat_";
    this.projects = prefix + "projects";
    this.tasks = prefix + "tasks";
    this.comments = prefix + "task_comments";
  }

  /** Creates the tables and loads {@code shape.projects()} projects of {@code n} tasks each. */
  void create(TrackerShape shape, int n) {
    handle.execute("CREATE TABLE " + projects + " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
        + " deleted_at TIMESTAMP(6))");
    handle.execute("CREATE TABLE " + tasks + " (id BIGINT PRIMARY KEY, project_id BIGINT NOT NULL,"
        + (layout.tree() ? " parent_id BIGINT," : "") + " title VARCHAR(200) NOT NULL, deleted_at TIMESTAMP(6))");
    handle.execute("CREATE TABLE " + comments + " (id BIGINT PRIMARY KEY, task_id BIGINT NOT NULL,"
        + " body VARCHAR(500) NOT NULL, deleted_at TIMESTAMP(6))");

    long total = (long) shape.projects() * n;
    handle.execute("INSERT INTO " + projects + " (id, name) SELECT x, 'project ' || x FROM " + series(shape.projects()));
    handle.execute("INSERT INTO " + tasks + " (id, project_id, " + (layout.tree() ? "parent_id, " : "") + "title)"
        + " SELECT x, (x - 1) / " + n + " + 1, " + (layout.tree() ? layout.parentSql("x", n, shape) + ", " : "")
        + "'task ' || x FROM " + series(total));
    handle.execute("INSERT INTO " + comments + " (id, task_id, body) SELECT x, x, 'comment ' || x FROM " + series(total));

    link(tasks, "project_id", projects);
    if (layout.tree()) {
      link(tasks, "parent_id", tasks);
    }
    link(comments, "task_id", tasks);
    TrashTables.ddl(
            handle,
            layout.tree() ? ProjectDeleter.schema() : FlatProjectDeleter.schema(),
            layout.tree() ? TaskDeleter.schema() : FlatTaskDeleter.schema())
        .forEach(handle::execute);
    analyze();
  }

  @Override
  public void analyze() {
    Statistics.analyze(handle, kind, allTables());
  }

  @Override
  public void leaveUnanalyzed() {
    Statistics.leaveUnanalyzed(handle, kind, allTables());
  }

  @Override
  public long liveRows() {
    long live = 0;
    for (String table : List.of(projects, tasks, comments)) {
      live += handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE deleted_at IS NULL").mapTo(Long.class).one();
    }
    return live;
  }

  private List<String> allTables() {
    List<String> all = new ArrayList<>();
    for (String table : List.of(projects, tasks, comments)) {
      all.add(table);
      all.add(table + "_trash");
    }
    return all;
  }

  private void link(String table, String column, String parent) {
    handle.execute("CREATE INDEX " + table + "_" + column + " ON " + table + " (" + column + ")");
    handle.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_" + column + "_fk FOREIGN KEY ("
        + column + ") REFERENCES " + parent + " (id)");
  }

  private String series(long n) {
    return ForumData.series(kind, n);
  }
}
