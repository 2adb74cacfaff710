package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import org.jdbi.v3.core.Handle;

/** The forum of {@code shape}, with {@code foreignKeys}; a run deletes or restores one user's tree. */
record ForumFixture(Shape shape, ForeignKeys foreignKeys) implements Fixture {
  @Override
  public Dataset load(Handle handle, DatabaseKind kind) {
    ForumData data = new ForumData(handle, kind);
    data.create(shape, foreignKeys);
    return data;
  }

  @Override
  public int runs() {
    return shape.users();
  }

  @Override
  public long rowsPerRun() {
    return shape.treeSize();
  }
}
