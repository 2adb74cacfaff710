package dev.cascade.benchmarks;

import static dev.cascade.annotations.DeleteStrategy.PERMANENT;
import static dev.cascade.annotations.DeleteStrategy.SOFT;
import static dev.cascade.annotations.DeleteStrategy.TRASH;

import dev.cascade.benchmarks.Comparison.Row;
import java.util.List;

/** The comparisons the issue asks for, with its targets. */
final class Comparisons {
  private Comparisons() {}

  static List<Comparison> all() {
    return List.of(permanent(), soft(), trash(), softRestore(), trashRestore());
  }

  static Comparison permanent() {
    Contender nativeCascade = new NativeCascade();
    Contender withKeys = new CascadeDelete(PERMANENT, ForeignKeys.NO_ACTION);
    Contender withoutKeys = new CascadeDelete(PERMANENT, ForeignKeys.NONE);
    Contender rowByRow = new RowByRowDelete();
    Contender hibernate = new HibernateRemove(false);
    String cascade = "Cascade (plain FKs)";
    return new Comparison(
        "permanent delete",
        List.of(
            Row.of(nativeCascade),
            Row.of(withKeys, Goal.within(1.3, withKeys, nativeCascade, "native")),
            Row.of(withoutKeys, Goal.within(1.3, withoutKeys, nativeCascade, "native")),
            Row.of(rowByRow, Goal.slowerBy(30, rowByRow, withKeys, cascade)),
            Row.of(hibernate, Goal.slowerBy(30, hibernate, withKeys, cascade))));
  }

  static Comparison soft() {
    Contender handWritten = new HandWrittenSoftDelete();
    Contender cascade = new CascadeDelete(SOFT, ForeignKeys.NO_ACTION);
    return new Comparison(
        "soft delete",
        List.of(
            Row.of(handWritten),
            Row.of(cascade, Goal.within(1.2, cascade, handWritten, "hand-written")),
            Row.of(new HibernateRemove(true))));
  }

  static Comparison trash() {
    Contender handWritten = new HandWrittenTrashDelete();
    Contender cascade = new CascadeDelete(TRASH, ForeignKeys.NO_ACTION);
    return new Comparison(
        "trash",
        List.of(Row.of(handWritten), Row.of(cascade, Goal.within(1.2, cascade, handWritten, "hand-written"))));
  }

  static Comparison softRestore() {
    Contender handWritten = new HandWrittenSoftRestore();
    Contender cascade = new CascadeRestore(SOFT, ForeignKeys.NO_ACTION);
    return new Comparison(
        "restore after soft delete",
        List.of(Row.of(handWritten), Row.of(cascade, Goal.within(1.2, cascade, handWritten, "hand-written"))));
  }

  static Comparison trashRestore() {
    Contender handWritten = new HandWrittenTrashRestore();
    Contender cascade = new CascadeRestore(TRASH, ForeignKeys.NO_ACTION);
    return new Comparison(
        "restore from trash",
        List.of(Row.of(handWritten), Row.of(cascade, Goal.within(1.2, cascade, handWritten, "hand-written"))));
  }
}
