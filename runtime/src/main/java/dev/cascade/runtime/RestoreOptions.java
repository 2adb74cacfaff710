package dev.cascade.runtime;

/**
 * How one restore runs. Start from {@link #defaults()}.
 *
 * @param onIdConflict what to do when a trashed row's id was taken in the meantime
 * @param skipEvents whether listeners are left out of this call
 */
public record RestoreOptions(IdConflict onIdConflict, boolean skipEvents) {
  private static final RestoreOptions DEFAULTS = new RestoreOptions(IdConflict.ASSIGN_NEW, false);

  public RestoreOptions {
    if (onIdConflict == null) {
      throw new CascadeException("RestoreOptions: onIdConflict is null; choose IdConflict.ASSIGN_NEW or IdConflict.FAIL");
    }
  }

  /** {@link IdConflict#ASSIGN_NEW}, events on. */
  public static RestoreOptions defaults() {
    return DEFAULTS;
  }

  public RestoreOptions withOnIdConflict(IdConflict onIdConflict) {
    return new RestoreOptions(onIdConflict, skipEvents);
  }

  public RestoreOptions withSkipEvents(boolean skipEvents) {
    return new RestoreOptions(onIdConflict, skipEvents);
  }
}
