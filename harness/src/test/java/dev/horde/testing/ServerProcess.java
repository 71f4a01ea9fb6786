package dev.horde.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TestServer} in a process of its own, so that a test can freeze it with SIGSTOP and thaw it with SIGCONT
 * as a stalled target would behave (a GC pause, a stuck disk): the socket stays open, nothing answers.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final String baseUri;

    private ServerProcess(Process process, String baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    /** The process's entry point: starts a server and prints its base URI, then serves until killed. */
    public static void main(String[] args) throws Exception {
        TestServer server = TestServer.start();
        System.out.println(server.baseUri());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Starts the server process and waits (at most 30 s) until it listens. */
    public static ServerProcess start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ServerProcess.class.getName())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("http://")) {
            process.destroyForcibly();
            throw new IOException("the server process did not start: " + line);
        }
        return new ServerProcess(process, line.strip());
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUri() {
        return baseUri;
    }

    /** Requests the server answered on paths starting with {@code prefix}, as it counts them. */
    public long requests(String prefix) throws IOException, InterruptedException {
        HttpResponse<String> count = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUri + "/count?prefix=" + prefix)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Long.parseLong(count.body().strip());
    }

    /** Freezes the process for {@code stall}, then lets it go on. */
    public void stall(Duration stall) throws IOException, InterruptedException {
        signal("STOP");
        try {
            TimeUnit.NANOSECONDS.sleep(stall.toNanos());
        } finally {
            signal("CONT");
        }
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
