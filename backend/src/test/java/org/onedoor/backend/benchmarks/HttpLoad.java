package org.onedoor.backend.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP/1.1 load: a number of keep-alive connections, each sending the same request again as soon as
 * its answer has been read, for a while. Plain sockets, so that the client costs as little as it can of the two cores
 * it shares with the server. Every answer must be 200 and carry no GraphQL {@code errors}.
 */
final class HttpLoad {

  /**
   * What a load measured.
   *
   * @param requests answers read
   * @param seconds how long it ran
   * @param latenciesMs every answer's latency, sorted
   */
  record Result(long requests, double seconds, double[] latenciesMs) {

    double throughput() {
      return requests / seconds;
    }

    double percentile(double p) {
      return latenciesMs.length == 0 ? Double.NaN
          : latenciesMs[Math.min(latenciesMs.length - 1, (int) Math.ceil(p * latenciesMs.length) - 1)];
    }

    Result plus(Result other) {
      double[] all = Arrays.copyOf(latenciesMs, latenciesMs.length + other.latenciesMs.length);
      System.arraycopy(other.latenciesMs, 0, all, latenciesMs.length, other.latenciesMs.length);
      Arrays.sort(all);
      return new Result(requests + other.requests, seconds + other.seconds, all);
    }
  }

  private HttpLoad() {
  }

  /** A POST of a GraphQL document to /graphql, anonymous. */
  static byte[] graphQlRequest(int port, String jsonBody) {
    byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
    String head = "POST /graphql HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
        + "Accept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + body.length);
    System.arraycopy(body, 0, request, head.length(), body.length);
    return request;
  }

  static Result run(int port, byte[] request, int connections, Duration duration) throws InterruptedException {
    return run(port, connection -> request, connections, duration);
  }

  /** A load whose every request differs (a fresh variable the document does not declare), so none is reused. */
  static Result runDistinct(int port, String document, int connections, Duration duration)
      throws InterruptedException {
    String quoted = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(document);
    java.util.concurrent.atomic.AtomicLong nonce = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
    return run(port, connection -> graphQlRequest(port, "{\"query\":" + quoted
        + ",\"variables\":{\"first\":20,\"nonce\":" + nonce.incrementAndGet() + "}}"), connections, duration);
  }

  private static Result run(int port, java.util.function.IntFunction<byte[]> requests, int connections,
      Duration duration) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    double[][] latencies = new double[connections][];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    for (int c = 0; c < connections; c++) {
      int index = c;
      threads.add(Thread.ofPlatform().start(() -> {
        double[] mine = new double[1 << 14];
        int n = 0;
        Socket socket = null;
        InputStream in = null;
        try {
          while (System.nanoTime() < deadline) {
            if (socket == null) {
              // Tomcat closes a keep-alive connection after 100 requests: the client connects again, as a browser does.
              socket = new Socket("localhost", port);
              socket.setTcpNoDelay(true);
              in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
            }
            byte[] request = requests.apply(index);
            long sent = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            boolean[] close = new boolean[1];
            byte[] body = readResponse(in, close);
            if (n == 0 && new String(body, StandardCharsets.UTF_8).contains("\"errors\"")) {
              throw new IllegalStateException("the load's request failed: " + new String(body, StandardCharsets.UTF_8));
            }
            if (n == mine.length) {
              mine = Arrays.copyOf(mine, n * 2);
            }
            mine[n++] = (System.nanoTime() - sent) / 1e6;
            if (close[0]) {
              socket.close();
              socket = null;
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          try {
            if (socket != null) {
              socket.close();
            }
          } catch (IOException ignored) {
            // closing
          }
        }
        latencies[index] = Arrays.copyOf(mine, n);
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (failure.get() != null) {
      throw new IllegalStateException("load failed", failure.get());
    }
    double[] all = Arrays.stream(latencies).flatMapToDouble(Arrays::stream).sorted().toArray();
    return new Result(all.length, seconds, all);
  }

  /** Reads one HTTP/1.1 response (Content-Length or chunked); returns its body; fails on a status other than 200. */
  private static byte[] readResponse(InputStream in, boolean[] close) throws IOException {
    String status = line(in);
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IOException("unexpected status: " + status);
    }
    long length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close[0] = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
          size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
      line(in);
    } else if (length >= 0) {
      body.write(in.readNBytes((int) length));
    } else {
      throw new IOException("a response without a length");
    }
    return body.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new UncheckedIOException(new IOException("connection closed"));
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
