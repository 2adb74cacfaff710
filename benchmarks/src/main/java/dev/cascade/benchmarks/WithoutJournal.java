package dev.cascade.benchmarks;

import dev.cascade.runtime.CascadeConfig;

/**
 * A Cascade contender with the operations journal turned off ({@code setJournalTable(null)}), so
 * that the journal's own cost shows: its row is named {@code ... (journal off)}.
 */
record WithoutJournal(Contender contender) implements Variant {
  @Override
  public String name() {
    return contender.name() + " (journal off)";
  }

  @Override
  public Operation open(Database database) {
    database.jdbi().getConfig(CascadeConfig.class).setJournalTable(null);
    return contender.open(database);
  }
}
