package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;

/** The names of the runtime, JDBI and JDK types generated code uses; the processor does not link them. */
final class RuntimeTypes {
  private RuntimeTypes() {}

  private static final String RUNTIME = "dev.cascade.runtime";
  private static final String INTERNAL = "dev.cascade.runtime.internal";

  static final ClassName DELETE_OPTIONS = ClassName.get(RUNTIME, "DeleteOptions");
  static final ClassName DELETE_RESULT = ClassName.get(RUNTIME, "DeleteResult");
  static final ClassName DELETE_PREVIEW = ClassName.get(RUNTIME, "DeletePreview");
  static final ClassName RESTORE_OPTIONS = ClassName.get(RUNTIME, "RestoreOptions");
  static final ClassName RESTORE_PREVIEW = ClassName.get(RUNTIME, "RestorePreview");
  static final ClassName DIALECT = ClassName.get(RUNTIME, "Dialect");
  static final ClassName CASCADE_SCHEMA = ClassName.get(RUNTIME, "CascadeSchema");
  static final ClassName BATCH_OPTIONS = ClassName.get(RUNTIME, "BatchOptions");
  static final ClassName BATCH_RESULT = ClassName.get(RUNTIME, "BatchResult");
  static final ClassName PURGE_OPTIONS = ClassName.get(RUNTIME, "PurgeOptions");
  static final ClassName PURGE_RESULT = ClassName.get(RUNTIME, "PurgeResult");

  static final ClassName DELETE_PLAN = ClassName.get(INTERNAL, "DeletePlan");
  static final ClassName RESTORE_PLAN = ClassName.get(INTERNAL, "RestorePlan");
  static final ClassName SOFT_RESTORE = ClassName.get(INTERNAL, "SoftRestore");
  static final ClassName TRASH_RESTORE = ClassName.get(INTERNAL, "TrashRestore");
  static final ClassName STRATEGY = ClassName.get(INTERNAL, "Strategy");
  static final ClassName SQL = ClassName.get(INTERNAL, "Sql");
  static final ClassName STEP_LIST = ClassName.get(INTERNAL, "StepList");
  static final ClassName DELETIONS = ClassName.get(INTERNAL, "Deletions");
  static final ClassName RESTORATIONS = ClassName.get(INTERNAL, "Restorations");
  static final ClassName COLUMNS = ClassName.get(INTERNAL, "Columns");
  static final ClassName BATCHES = ClassName.get(INTERNAL, "Batches");
  static final ClassName PURGES = ClassName.get(INTERNAL, "Purges");

  /** The service generated deleters register under, in {@code META-INF/services}. */
  static final ClassName GENERATED_DELETER = ClassName.get(INTERNAL, "GeneratedDeleter");
  static final ClassName NOT_DELETED = ClassName.get(INTERNAL, "NotDeleted");

  static final ClassName DELETE_STRATEGY = ClassName.get("dev.cascade.annotations", "DeleteStrategy");

  static final ClassName HANDLE = ClassName.get("org.jdbi.v3.core", "Handle");
  static final ClassName ROW_MAPPER = ClassName.get("org.jdbi.v3.core.mapper", "RowMapper");
  static final ClassName COLUMN_MAPPER = ClassName.get("org.jdbi.v3.core.mapper", "ColumnMapper");
  static final ClassName GENERIC_TYPE = ClassName.get("org.jdbi.v3.core.generic", "GenericType");
  static final ClassName STATEMENT_CONTEXT =
      ClassName.get("org.jdbi.v3.core.statement", "StatementContext");

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName STRING = ClassName.get(String.class);

  /** {@code @Generated("dev.cascade.processor.CascadeProcessor")}. */
  static Code generated() {
    return Code.of("@$T($S)", GENERATED, "dev.cascade.processor.CascadeProcessor");
  }
}
