package dev.cascade.processor.plan;

import java.util.List;
import java.util.Optional;

/**
 * Checks a restore runs in one statement: {@code combined} selects the number (from 1) of the
 * first check that finds a row; only then does the runtime run that check for the value to name.
 *
 * @param combined the checks as one query, when there are several
 * @param checks each check, in order
 */
public record Checks(Optional<String> combined, List<Check> checks) {

  public Checks {
    checks = List.copyOf(checks);
  }
}
