package dev.cascade.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A network between the application and the database, simulated: a TCP proxy that listens on
 * 127.0.0.1 and forwards every connection to a server on 127.0.0.1, delaying each direction's
 * bytes by a fixed amount. A request and its answer cross it once each, so a round trip takes
 * twice the delay longer than on loopback (0.25 ms each way is a database in the same cloud
 * region).
 *
 * <p>Each accepted connection gets its own connection to the server and, per direction, a reader
 * that stamps each chunk it reads with the time it may leave, and a writer that sends the chunks
 * in the order they came, each no earlier than its time. Bytes are never changed, dropped or
 * reordered. Memory is bounded: a direction holds at most {@value #QUEUED_CHUNKS} chunks of at
 * most {@value #CHUNK_BYTES} bytes, and a full queue stops its reader (TCP then slows the
 * sender); at most {@value #MAX_CONNECTIONS} connections are open at once, more are refused.
 * Closing the proxy closes every connection and stops its threads. It never connects anywhere
 * but 127.0.0.1.
 */
final class DelayingProxy implements AutoCloseable {
  static final int CHUNK_BYTES = 16 * 1024;
  static final int QUEUED_CHUNKS = 64;
  static final int MAX_CONNECTIONS = 32;
  private static final long SPIN_NANOS = 100_000;

  /** Ends a direction: the sender closed its side, or reading failed. */
  private static final Chunk END = new Chunk(new byte[0], 0);

  private static final AtomicInteger PROXIES = new AtomicInteger();

  private final int targetPort;
  private final long delayNanos;
  private final ServerSocket listener;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private final String name;
  private volatile boolean closed;

  /** Starts listening on a free port of 127.0.0.1 for connections to {@code targetPort} there. */
  DelayingProxy(int targetPort, Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a delay cannot be negative: " + delay);
    }
    this.targetPort = targetPort;
    this.delayNanos = delay.toNanos();
    this.name = "delaying-proxy-" + PROXIES.incrementAndGet();
    try {
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on 127.0.0.1", e);
    }
    this.acceptor = daemon(name + "-accept", this::accept);
    acceptor.start();
  }

  /** The port on 127.0.0.1 to connect to instead of the server's. */
  int port() {
    return listener.getLocalPort();
  }

  Duration delay() {
    return Duration.ofNanos(delayNanos);
  }

  /** Connections open right now. */
  int openConnections() {
    return links.size();
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // Closing is all that was asked.
    }
    List.copyOf(links).forEach(Link::close);
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (links.size() >= MAX_CONNECTIONS) {
        closeQuietly(client);
        continue;
      }
      Socket server;
      try {
        server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
      } catch (IOException e) {
        closeQuietly(client);
        continue;
      }
      Link link = new Link(client, server);
      links.add(link);
      if (closed) {
        link.close();
      } else {
        link.start();
      }
    }
  }

  /** One proxied connection: the application's socket, the server's, a direction each way. */
  private final class Link {
    private final Socket client;
    private final Socket server;
    private final AtomicInteger directionsOpen = new AtomicInteger(2);
    private volatile boolean closed;
    private final Direction up;
    private final Direction down;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
      this.up = new Direction(this, client, server, "up");
      this.down = new Direction(this, server, client, "down");
    }

    void start() {
      up.start();
      down.start();
    }

    /** Called by each direction when it has sent everything; the last one closes the link. */
    void directionDone() {
      if (directionsOpen.decrementAndGet() == 0) {
        close();
      }
    }

    void close() {
      closed = true;
      closeQuietly(client);
      closeQuietly(server);
      links.remove(this);
    }
  }

  /** Bytes read on one socket at a time, to be written on the other after the delay. */
  private record Chunk(byte[] bytes, long dueNanos) {}

  /** One way through a link: a reader and a writer with a bounded queue between them. */
  private final class Direction {
    private final Link link;
    private final Socket from;
    private final Socket to;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final Thread reader;
    private final Thread writer;

    Direction(Link link, Socket from, Socket to, String way) {
      this.link = link;
      this.from = from;
      this.to = to;
      String thread = name + "-" + from.getLocalPort() + "-" + from.getPort() + "-" + way;
      this.reader = daemon(thread + "-read", this::read);
      this.writer = daemon(thread + "-write", this::write);
    }

    void start() {
      reader.start();
      writer.start();
    }

    private void read() {
      byte[] buffer = new byte[CHUNK_BYTES];
      try {
        InputStream in = from.getInputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (n > 0 && !enqueue(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delayNanos))) {
            return;
          }
        }
      } catch (IOException e) {
        // The socket was closed or reset: end this direction.
      }
      enqueue(END);
    }

    /** Waits for room in the queue; false when the link closed meanwhile (its writer may be gone). */
    private boolean enqueue(Chunk chunk) {
      try {
        while (!queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
          if (link.closed) {
            return false;
          }
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        link.close();
        return false;
      }
    }

    private void write() {
      try {
        OutputStream out = to.getOutputStream();
        while (true) {
          Chunk chunk = queue.poll(50, TimeUnit.MILLISECONDS);
          if (chunk == null) {
            if (link.closed && reader.getState() == Thread.State.TERMINATED && queue.isEmpty()) {
              break;
            }
            continue;
          }
          if (chunk == END) {
            shutdownOutput();
            break;
          }
          waitUntil(chunk.dueNanos());
          out.write(chunk.bytes());
          out.flush();
        }
      } catch (IOException e) {
        // The other side is gone: close both, which also ends the opposite direction.
        link.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        link.close();
      }
      link.directionDone();
    }

    private void shutdownOutput() {
      try {
        to.shutdownOutput();
      } catch (SocketException alreadyClosed) {
        // Nothing left to tell the other side.
      } catch (IOException e) {
        link.close();
      }
    }
  }

  /**
   * Sleeps until {@link #SPIN_NANOS} before {@code dueNanos}, then spins: a sleeping thread wakes
   * up to ~100 µs late (timer slack, scheduling), which would add as much to every round trip.
   */
  private static void waitUntil(long dueNanos) {
    long left;
    while ((left = dueNanos - System.nanoTime()) > SPIN_NANOS) {
      LockSupport.parkNanos(left - SPIN_NANOS);
    }
    while (dueNanos - System.nanoTime() > 0) {
      Thread.onSpinWait();
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing is all that was asked.
    }
  }
}
