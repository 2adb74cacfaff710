package dev.cascade.processor.plan;

/** Programs built by hand, for writer tests in other packages ({@link Program#add} is the planner's). */
public final class Programs {
  private Programs() {}

  /** A program of these constants, added in order; none has its own text for some database. */
  public static Program of(Constant... constants) {
    Program program = new Program();
    for (Constant constant : constants) {
      program.add(constant.name(), constant.comment(), constant.sql());
    }
    return program;
  }
}
