package dev.cascade.processor.plan;

import java.util.List;

/**
 * What one delete strategy runs: the {@code RESTRICT} checks first, then the steps in order; a
 * preview runs the checks and the counts and changes nothing.
 */
public record StrategyPlan(List<Restriction> restrictions, List<DeleteStep> steps, List<Count> preview) {

  public StrategyPlan {
    restrictions = List.copyOf(restrictions);
    steps = List.copyOf(steps);
    preview = List.copyOf(preview);
  }
}
