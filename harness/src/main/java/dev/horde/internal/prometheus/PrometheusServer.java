package dev.horde.internal.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus' HTTP API, as far as target metrics need it: range queries, and when its targets were last scraped.
 * Every call has a deadline.
 */
final class PrometheusServer {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client;

    PrometheusServer(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** Every series {@code query} gives from {@code start} to {@code end}, evaluated every {@code step}. */
    List<Series> range(String query, Instant start, Instant end, Duration step) throws PrometheusException {
        JsonNode data = call(HttpRequest.newBuilder(base.resolve("api/v1/query_range"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                        + "&start=" + seconds(start) + "&end=" + seconds(end) + "&step=" + step.toMillis() / 1000.0)));
        try {
            return series(data);
        } catch (RuntimeException e) { // not the matrix of Prometheus' API
            throw new PrometheusException(base + " answered a range query with what is not Prometheus' matrix ("
                    + e + ")");
        }
    }

    private static List<Series> series(JsonNode data) {
        List<Series> series = new ArrayList<>();
        for (JsonNode result : data.path("result")) {
            Map<String, String> labels = new TreeMap<>();
            result.path("metric").fields()
                    .forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            labels.remove("__name__"); // the query names it
            JsonNode values = result.path("values");
            long[] times = new long[values.size()];
            double[] points = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                times[i] = Math.round(values.get(i).get(0).asDouble() * 1000);
                points[i] = value(values.get(i).get(1).asText());
            }
            series.add(new Series(labels, times, points));
        }
        return series;
    }

    /**
     * Waits until every target Prometheus scrapes and finds up was scraped after {@code instant}, so a query sees the
     * run's last seconds; gives up at {@code deadline}. Returns the targets still not scraped by then.
     */
    List<String> awaitScrapesAfter(Instant instant, Instant deadline) throws PrometheusException {
        while (true) {
            List<String> behind = new ArrayList<>();
            for (JsonNode target : call(HttpRequest.newBuilder(base.resolve("api/v1/targets?state=active")).GET())
                    .path("activeTargets")) {
                String last = target.path("lastScrape").asText("");
                if (target.path("health").asText().equals("up") && scrapedBefore(last, instant)) {
                    behind.add(target.path("scrapeUrl").asText());
                }
            }
            if (behind.isEmpty() || Instant.now().isAfter(deadline)) {
                return behind;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return behind;
            }
        }
    }

    /** Whether {@code lastScrape}, an RFC 3339 time, is before {@code instant}; false when it cannot be read. */
    private static boolean scrapedBefore(String lastScrape, Instant instant) {
        try {
            return OffsetDateTime.parse(lastScrape).toInstant().isBefore(instant);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The longest scrape interval of the active targets; one second if none says. */
    Duration longestScrapeInterval() throws PrometheusException {
        Duration longest = Duration.ofSeconds(1);
        for (JsonNode target : call(HttpRequest.newBuilder(base.resolve("api/v1/targets?state=active")).GET())
                .path("activeTargets")) {
            String interval = target.path("scrapeInterval").asText("");
            if (interval.matches("\\d+s")) {
                Duration seconds = Duration.ofSeconds(Long.parseLong(interval.substring(0, interval.length() - 1)));
                longest = seconds.compareTo(longest) > 0 ? seconds : longest;
            }
        }
        return longest;
    }

    /** The {@code data} of a successful answer to {@code request}. */
    private JsonNode call(HttpRequest.Builder request) throws PrometheusException {
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PrometheusException("Prometheus at " + base + " could not be reached (" + reason(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted while asking Prometheus at " + base);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw new PrometheusException(base + " answered HTTP " + response.statusCode()
                    + " without Prometheus' JSON: is it a Prometheus server?");
        }
        if (!"success".equals(answer.path("status").asText())) {
            throw new PrometheusException("Prometheus refused the query: " + answer.path("errorType").asText("error")
                    + ": " + answer.path("error").asText("(no message)"));
        }
        return answer.path("data");
    }

    /** Why a call failed: refused, timed out, or the first message along the causes of {@code e}. */
    private static String reason(Throwable e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + "s";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + "s";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static String seconds(Instant instant) {
        return String.valueOf(instant.toEpochMilli() / 1000.0);
    }

    private static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
