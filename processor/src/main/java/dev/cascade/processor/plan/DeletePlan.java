package dev.cascade.processor.plan;

import dev.cascade.annotations.DeleteStrategy;
import java.util.Map;
import java.util.Optional;

/**
 * What a generated {@code XDeleter} runs.
 *
 * @param selectRoots the constant that loads the records the call names, for listeners
 * @param strategies the plan of each strategy the model can be deleted with, in the order they
 *     appear in the generated class
 * @param softUnsupported why {@code SOFT} is missing from {@code strategies}, when it is
 */
public record DeletePlan(
    String selectRoots, Map<DeleteStrategy, StrategyPlan> strategies, Optional<String> softUnsupported) {}
