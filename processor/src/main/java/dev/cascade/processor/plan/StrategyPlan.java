package dev.cascade.processor.plan;

import java.util.List;

/**
 * What one strategy runs: the checks first, then the steps in order; the preview runs the checks
 * and the counts and changes nothing.
 */
public record StrategyPlan(
    List<PlannedCheck> restrictions, List<PlannedStep> steps, List<PlannedCount> preview) {

  public StrategyPlan {
    restrictions = List.copyOf(restrictions);
    steps = List.copyOf(steps);
    preview = List.copyOf(preview);
  }
}
