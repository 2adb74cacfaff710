package dev.cascade.processor.write;

import com.palantir.javapoet.CodeBlock;
import dev.cascade.processor.plan.ModelPlan;
import java.util.stream.Collectors;

/** The class Javadoc's paragraph on names generated SQL writes in double quotes, when there are any. */
final class QuotingNote {
  private QuotingNote() {}

  static void add(CodeBlock.Builder doc, ModelPlan plan) {
    if (plan.reserved().isEmpty()) {
      return;
    }
    String names = plan.reserved().keySet().stream().map(n -> "{@code " + n + "}").collect(Collectors.joining(", "));
    doc.add(
        "<p>Names that some database reserves are written in double quotes: $L. The runtime\n"
            + "quotes them as the connected database needs (backticks on MySQL), or leaves them\n"
            + "bare where that database does not reserve them.\n\n",
        names);
  }
}
