package dev.cascade.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against an echo server on 127.0.0.1: timing of a round trip, and the bytes. */
class DelayingProxyTest {
  private ServerSocket echo;
  private Thread echoLoop;

  @BeforeEach
  void startEchoServer() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    echoLoop =
        new Thread(
            () -> {
              while (!echo.isClosed()) {
                try {
                  Socket socket = echo.accept();
                  Thread copy = new Thread(() -> echoAll(socket));
                  copy.setDaemon(true);
                  copy.start();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    echoLoop.setDaemon(true);
    echoLoop.start();
  }

  @AfterEach
  void stopEchoServer() throws IOException {
    echo.close();
  }

  @Test
  void aRoundTripTakesTwiceTheDelayLonger() throws IOException {
    Duration delay = Duration.ofMillis(20);
    try (DelayingProxy proxy = new DelayingProxy(echo.getLocalPort(), delay);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      socket.setTcpNoDelay(true);
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        long start = System.nanoTime();
        socket.getOutputStream().write(i);
        assertThat(socket.getInputStream().read()).isEqualTo(i);
        millis.add((System.nanoTime() - start) / 1e6);
      }
      double median = Summary.of(millis).median();
      // Never faster than two delays; slower only by scheduling on a busy machine.
      assertThat(millis).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(40.0));
      assertThat(median).isLessThan(40.0 + 25.0);
    }
  }

  @Test
  void forwardsEveryByteIntactAndInOrder() throws Exception {
    byte[] sent = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(sent);
    try (DelayingProxy proxy = new DelayingProxy(echo.getLocalPort(), Duration.ofMillis(1));
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(socket));
      OutputStream out = socket.getOutputStream();
      for (int offset = 0; offset < sent.length; offset += 1000) {
        out.write(sent, offset, Math.min(1000, sent.length - offset));
      }
      socket.shutdownOutput();

      assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(sent);
    }
  }

  @Test
  void closingStopsListeningAndClosesConnections() throws Exception {
    DelayingProxy proxy = new DelayingProxy(echo.getLocalPort(), Duration.ofMillis(1));
    int port = proxy.port();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.getOutputStream().write(7);
      assertThat(socket.getInputStream().read()).isEqualTo(7);
      assertThat(proxy.openConnections()).isEqualTo(1);

      proxy.close();

      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThat(proxy.openConnections()).isZero();
      assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
          .isInstanceOf(IOException.class);
    }
  }

  private static void echoAll(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException gone) {
      // The proxy closed the connection.
    }
  }

  private static byte[] readAll(Socket socket) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
