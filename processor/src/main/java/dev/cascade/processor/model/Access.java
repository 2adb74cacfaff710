package dev.cascade.processor.model;

/** How visible a record is from its package, counting the records and classes around it. */
public enum Access {
  PUBLIC,
  PACKAGE,
  PRIVATE
}
