package dev.cascade.benchmarks;

/** One step done again and again on a thread of its own, from {@link #start} until {@link #stop}. */
final class BackgroundLoop {
  private volatile boolean running;
  private Thread thread;

  void start(String name, Runnable step) {
    running = true;
    thread = new Thread(() -> {
      while (running) {
        step.run();
      }
    }, name);
    thread.start();
  }

  /** Stops after the step under way, and waits for it. */
  void stop() {
    running = false;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
