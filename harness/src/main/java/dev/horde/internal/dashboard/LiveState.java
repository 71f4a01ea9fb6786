package dev.horde.internal.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the live page shows, as JSON fragments: the tests finished so far, the running (or last) test's header, its
 * points, one a second, and its latest status. Every change goes to the open pages' {@link EventStream}s as an SSE
 * frame; a page that connects gets {@link #snapshot()} first.
 */
final class LiveState {

    /** Points kept of the running test: an hour of seconds; older ones leave the chart. */
    static final int MAX_POINTS = 3_600;

    private final List<String> tests = new ArrayList<>();
    private final ArrayDeque<String> points = new ArrayDeque<>();
    private final List<EventStream> streams = new CopyOnWriteArrayList<>();
    private String test;
    private String status;
    private boolean running;

    /** A new test starts: {@code header} describes it. */
    synchronized void started(String header) {
        test = header;
        points.clear();
        status = null;
        running = true;
        broadcast("snapshot", snapshot());
    }

    /** One more interval of the running test. */
    synchronized void tick(String point, String latest) {
        if (points.size() == MAX_POINTS) {
            points.removeFirst();
        }
        points.addLast(point);
        status = latest;
        broadcast("tick", "{\"point\":" + point + ",\"status\":" + latest + "}");
    }

    /** The running test ended: {@code entry} joins the tests so far, {@code latest} is its final status. */
    synchronized void finished(String entry, String latest) {
        tests.add(entry);
        status = latest;
        running = false;
        broadcast("snapshot", snapshot());
    }

    /** Everything the page shows, as one JSON object. */
    synchronized String snapshot() {
        return "{\"running\":" + running + ",\"test\":" + test + ",\"status\":" + status
                + ",\"tests\":[" + String.join(",", tests) + "],\"points\":[" + String.join(",", points) + "]}";
    }

    /** A new page: it gets every frame from now on. */
    EventStream subscribe() {
        EventStream stream = new EventStream();
        streams.add(stream);
        return stream;
    }

    void unsubscribe(EventStream stream) {
        streams.remove(stream);
        stream.close();
    }

    /** Open pages now. */
    int pages() {
        return streams.size();
    }

    /** Ends every page's stream. */
    void closeAll() {
        streams.forEach(EventStream::close);
        streams.clear();
    }

    private void broadcast(String event, String json) {
        String frame = "event: " + event + "\ndata: " + json + "\n\n";
        for (EventStream stream : streams) {
            stream.offer(frame);
        }
    }
}
