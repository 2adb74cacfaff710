package dev.cascade.it.projects;

import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.testing.Inserts;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Projects own sections and tasks; a section owns tasks too, but only SET_NULL. */
public final class Projects {
  public static final List<String> TABLES = List.of("projects", "sections", "tasks");

  private final Handle handle;

  private Projects(Handle handle) {
    this.handle = handle;
  }

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE projects (id ${id}, name VARCHAR(100) NOT NULL)",
            "CREATE TABLE sections (id ${id}, project_id BIGINT NOT NULL, name VARCHAR(100) NOT NULL,"
                + " FOREIGN KEY (project_id) REFERENCES projects (id))",
            "CREATE INDEX sections_project_id ON sections (project_id)",
            "CREATE TABLE tasks (id ${id}, project_id BIGINT NOT NULL, section_id BIGINT,"
                + " title VARCHAR(100) NOT NULL, FOREIGN KEY (project_id) REFERENCES projects (id),"
                + " FOREIGN KEY (section_id) REFERENCES sections (id))",
            "CREATE INDEX tasks_project_id ON tasks (project_id)",
            "CREATE INDEX tasks_section_id ON tasks (section_id)"));
    database.jdbi().useHandle(h -> Journal.ddl(Dialect.of(h)).forEach(h::execute));
  }

  public static Projects on(Handle handle) {
    return new Projects(handle);
  }

  public long project(String name) {
    return insert("INSERT INTO projects (name) VALUES (?)", name);
  }

  public long section(long projectId, String name) {
    return insert("INSERT INTO sections (project_id, name) VALUES (?, ?)", projectId, name);
  }

  public long task(long projectId, Long sectionId, String title) {
    return insert("INSERT INTO tasks (project_id, section_id, title) VALUES (?, ?, ?)", projectId, sectionId, title);
  }

  private long insert(String sql, Object... values) {
    return Inserts.returningId(handle, sql, values);
  }
}
