package dev.cascade.processor.plan;

import dev.cascade.annotations.DeleteStrategy;
import org.junit.jupiter.api.Test;

class DumpTest {
  @Test
  void dump() {
    for (var plan : java.util.List.of(Models.Forum.plan(Models.Forum.USERS), Models.Drive.plan(Models.Drive.DRIVES), Models.Drive.plan(Models.Drive.FOLDERS))) {
      for (Dialect d : new Dialect[] {Dialect.POSTGRESQL, Dialect.H2}) {
        for (DeleteStrategy s : plan.delete().strategies().keySet()) {
          System.out.println("== " + plan.root().table() + " " + s + " " + d);
          Models.steps(plan, s, d).forEach(x -> System.out.println("  " + x));
        }
        System.out.println("== restore soft " + d);
        plan.restore().soft().ifPresent(soft -> soft.steps().forEach(st -> System.out.println("  " + plan.restorerSql().render(st.constant(), d))));
        soft(plan, d);
        System.out.println("== restore trash " + d);
        plan.restore().trash().steps().forEach(st -> System.out.println("  " + plan.restorerSql().render(st.constant(), d)));
        plan.restore().trash().checks().checks().forEach(c -> System.out.println("  CHECK " + plan.restorerSql().render(c.constant(), d)));
      }
    }
  }

  private static void soft(ModelPlan plan, Dialect d) {
    plan.restore().soft().ifPresent(soft -> soft.checks().checks().forEach(c -> System.out.println("  CHECK " + plan.restorerSql().render(c.constant(), d))));
  }
}
