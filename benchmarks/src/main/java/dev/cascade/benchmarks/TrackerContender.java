package dev.cascade.benchmarks;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.DeleteOptions;
import java.util.List;

/** Cascade's generated tracker deleters and restorers doing {@code work} with {@code strategy}. */
record TrackerContender(TrackerWork work, DeleteStrategy strategy, TaskLayout layout, TrackerShape shape)
    implements Contender {
  @Override
  public String name() {
    return "Cascade, " + layout.label(shape);
  }

  @Override
  public ForeignKeys foreignKeys() {
    return ForeignKeys.NO_ACTION;
  }

  @Override
  public Effect effect() {
    return work.effect();
  }

  @Override
  public Fixture fixture(Options options) {
    return new TrackerFixture(shape, layout, work);
  }

  @Override
  public Operation open(Database database) {
    TrackerModels models = TrackerModels.of(layout);
    TrackerFixture fixture = new TrackerFixture(shape, layout, work);
    DeleteOptions options = DeleteOptions.defaults().withStrategy(strategy);
    return switch (work) {
      case DELETE_PROJECT -> project -> database.jdbi().useHandle(h -> models.destroyProject(h, project, options));
      case RESTORE_PROJECT -> new Operation() {
        @Override
        public void prepare(long project) {
          database.jdbi().useHandle(h -> models.destroyProject(h, project, options));
        }

        @Override
        public void run(long project) {
          database.jdbi().useHandle(h -> models.restoreProject(h, project));
        }
      };
      case RESTORE_ALL_TASKS -> new Operation() {
        private final List<Integer> tasks = fixture.separatelyDeleted();

        @Override
        public void prepare(long project) {
          database.jdbi().useHandle(h -> {
            for (int k : tasks) {
              models.destroyTask(h, fixture.taskId(project, k), options);
            }
          });
        }

        @Override
        public void run(long project) {
          int restored = database.jdbi().withHandle(models::restoreAllTasks);
          if (restored != tasks.size()) {
            throw new IllegalStateException("restoreAll brought back " + restored + " tasks, not " + tasks.size());
          }
        }
      };
      case DESTROY_ALL_TASKS -> project -> {
        List<Long> ids = fixture.taskIds(project);
        database.jdbi().useHandle(h -> models.destroyTasks(h, ids, options));
      };
    };
  }
}
