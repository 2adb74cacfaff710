package dev.cascade.processor.plan;

import java.util.List;

/**
 * A constant with its text per dialect: one variant where every dialect writes the same SQL,
 * more where quoting or syntax differ. The first variant is the default.
 */
public record MergedConstant(String name, String comment, List<SqlVariant> variants) {

  public SqlVariant defaultVariant() {
    return variants.get(0);
  }
}
