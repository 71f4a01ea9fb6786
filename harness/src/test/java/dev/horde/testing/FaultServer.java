package dev.horde.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving HTTP/1.1 server on a real socket on 127.0.0.1, written on raw sockets so that it can do what a proper
 * server never does: hang, answer too late, reset or close a connection in the middle of a response, close keep-alive
 * connections without saying so, answer with server errors, or with bytes that are not HTTP. Counts the requests it
 * read and the connections it accepted.
 */
public final class FaultServer implements AutoCloseable {

    /** What the server does with each request it reads. */
    @FunctionalInterface
    public interface Fault {
        /**
         * Answers (or not) {@code request}, read from {@code socket}; returns whether to read the next request on the
         * same connection.
         */
        boolean respond(Socket socket, OutputStream out, Request request) throws IOException, InterruptedException;
    }

    /** A request the server read: its method ({@code GET}), target ({@code /path?query}) and header lines. */
    public record Request(String method, String target, List<String> headers) {

        /** The target without its query. */
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** The value of the first header of this name (any case), or an empty string. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).findFirst().orElse("");
        }
    }

    private static final byte[] OK = response(200, "OK", "ok");

    private final ServerSocket listener;
    private final Fault fault;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-server-connection");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private FaultServer(Fault fault) throws IOException {
        this.fault = fault;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server that answers every request as {@code fault} says. */
    public static FaultServer start(Fault fault) throws IOException {
        return new FaultServer(fault);
    }

    /** {@code 127.0.0.1:<port>}, as failure causes name the target. */
    public String authority() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUri() {
        return "http://" + authority();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Requests read so far. */
    public int requests() {
        return requests.get();
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    /** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
    public static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    // ---- faults ------------------------------------------------------------------------------------------------------

    /** Answers 200 {@code ok}, keeping the connection alive. */
    public static boolean ok(Socket socket, OutputStream out, Request request) throws IOException {
        out.write(OK);
        out.flush();
        return true;
    }

    /** Reads the request and never answers; the connection stays open until the client closes it. */
    public static Fault hang() {
        return (socket, out, request) -> {
            socket.getInputStream().transferTo(OutputStream.nullOutputStream()); // until the client closes
            return false;
        };
    }

    /** Answers 200 after {@code delayMillis}. */
    public static Fault slow(long delayMillis) {
        return (socket, out, request) -> {
            TimeUnit.MILLISECONDS.sleep(delayMillis);
            return ok(socket, out, request);
        };
    }

    /** Reads the request and closes the connection (FIN) without a byte of answer. */
    public static Fault closeWithoutAnswer() {
        return (socket, out, request) -> false;
    }

    /** Sends the head and 10 of 1,000 announced body bytes, then resets the connection (RST). */
    public static Fault resetMidResponse() {
        return (socket, out, request) -> {
            writePartialResponse(out);
            socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
            socket.close();
            return false;
        };
    }

    /** Sends the head and 10 of 1,000 announced body bytes, then closes the connection (FIN). */
    public static Fault closeMidResponse() {
        return (socket, out, request) -> {
            writePartialResponse(out);
            socket.close();
            return false;
        };
    }

    /**
     * Answers 200 keeping the connection alive (no {@code Connection: close}), then closes it anyway after a
     * {@code share} of the responses, chosen at random: what servers with short keep-alive timeouts do.
     */
    public static Fault closeKeepAliveAtRandom(double share, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return (socket, out, request) -> {
            ok(socket, out, request);
            boolean close;
            synchronized (random) {
                close = random.nextDouble() < share;
            }
            return !close;
        };
    }

    /** Answers {@code status} to a {@code share} of the requests, chosen at random, and 200 to the others. */
    public static Fault statusStorm(int status, double share, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] error = response(status, "Storm", "{\"error\":\"overloaded\"}");
        return (socket, out, request) -> {
            boolean fail;
            synchronized (random) {
                fail = random.nextDouble() < share;
            }
            out.write(fail ? error : OK);
            out.flush();
            return true;
        };
    }

    /** Answers with a chunked body whose first chunk header is not a chunk size, then closes. */
    public static Fault malformed() {
        return (socket, out, request) -> {
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nnot-a-chunk-size\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.close();
            return false;
        };
    }

    private static void writePartialResponse(OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(10))
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static byte[] response(int status, String reason, String body) {
        return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    // ---- serving -----------------------------------------------------------------------------------------------------

    private void accept() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                accepted.incrementAndGet();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                Request request = readRequest(in);
                if (request == null) {
                    return; // the client closed the connection
                }
                requests.incrementAndGet();
                if (!fault.respond(socket, out, request)) {
                    return;
                }
            }
        } catch (SocketException | InterruptedException e) {
            // the client went away, or the server is closing
        } catch (IOException e) {
            // a broken connection ends only this connection
        } finally {
            open.remove(socket);
        }
    }

    /** Reads a request head and its body (by Content-Length); null at the end of the stream. */
    private static Request readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        in.skipNBytes(length);
        String[] requestLine = lines[0].split(" ", 3);
        return new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "",
                List.of(lines).subList(1, lines.length));
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
