package dev.cascade.processor.write;

import dev.cascade.processor.plan.ModelPlan;
import java.util.stream.Collectors;

/** The class Javadoc's paragraph on names generated SQL writes in double quotes, when there are any. */
final class QuotingNote {
  private QuotingNote() {}

  /** The paragraph, ending in a blank line; empty when the plan quotes no name. */
  static String of(ModelPlan plan) {
    if (plan.reserved().isEmpty()) {
      return "";
    }
    String names = plan.reserved().keySet().stream().map(n -> "{@code " + n + "}").collect(Collectors.joining(", "));
    return "<p>Names that some database reserves are written in double quotes: " + names + ". The runtime\n"
        + "quotes them as the connected database needs (backticks on MySQL), or leaves them\n"
        + "bare where that database does not reserve them.\n\n";
  }
}
