package dev.horde.internal.jupiter;

import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.internal.engine.UserThreads;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.Segment;
import dev.horde.internal.plan.ThreadKind;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The {@code horde.*} configuration parameters ({@code -D} system properties or {@code junit-platform.properties}),
 * read and checked once per test plan: a bad value fails every load test with a message naming the parameter.
 * Overrides of the annotations are empty when not set; the others hold their defaults.
 */
record HordeConfiguration(
        OptionalInt users,
        OptionalDouble usersFactor,
        Optional<Duration> duration,
        Optional<Duration> rampUp,
        Optional<Duration> warmUp,
        OptionalDouble rate,
        Duration grace,
        Duration requestTimeout,
        ThreadKind threads,
        OptionalLong seed,
        Duration progressEvery,
        boolean failWhenBehind,
        boolean failWhenInconclusive,
        Optional<URI> target,
        Optional<Duration> generatorWarmUp,
        Duration unreachableStop,
        Optional<InetSocketAddress> prometheus,
        Optional<URI> prometheusUrl,
        Optional<URI> otlp,
        Optional<InetSocketAddress> dashboard,
        Duration dashboardLinger,
        boolean tracing,
        Optional<String> traceLink,
        Path reportDirectory,
        Optional<Path> junitDirectory,
        Optional<Path> baseline,
        Optional<Path> baselineRecord,
        boolean failWithoutBaseline,
        Segment segment,
        Optional<Instant> startAt) {

    /** The environment variable a Kubernetes Indexed Job sets to the pod's index, from 0. */
    static final String JOB_INDEX_VARIABLE = "JOB_COMPLETION_INDEX";
    /** How far ahead {@code horde.startAt} may lie. */
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /** Reads every {@code horde.*} key from {@code source} (key to value); blank values count as unset. */
    static HordeConfiguration read(Function<String, Optional<String>> source) {
        return read(source, System::getenv);
    }

    /** Like {@link #read(Function)}, with the environment variables from {@code environment}. */
    static HordeConfiguration read(Function<String, Optional<String>> source, Function<String, String> environment) {
        Function<String, Optional<String>> parameters = key -> source.apply(key).filter(v -> !v.isBlank()).map(String::strip);
        return new HordeConfiguration(
                users(parameters),
                usersFactor(parameters),
                durationOverride(parameters, LoadTest.DURATION_PROPERTY_NAME),
                durationOverride(parameters, LoadTest.RAMP_UP_PROPERTY_NAME),
                durationOverride(parameters, LoadTest.WARM_UP_PROPERTY_NAME),
                rateOverride(parameters),
                durationOrDefault(parameters, LoadTest.GRACE_PROPERTY_NAME, LoadTest.DEFAULT_GRACE),
                requestTimeout(parameters),
                threads(parameters),
                seed(parameters),
                durationOrDefault(parameters, LoadTest.PROGRESS_PROPERTY_NAME, LoadTest.DEFAULT_PROGRESS),
                failWhenBehind(parameters),
                failWhenInconclusive(parameters),
                url(parameters, LoadTest.TARGET_PROPERTY_NAME, "http://127.0.0.1:8080"),
                generatorWarmUp(parameters),
                unreachableStop(parameters),
                prometheus(parameters),
                url(parameters, LoadTest.PROMETHEUS_URL_PROPERTY_NAME, "http://127.0.0.1:9090"),
                url(parameters, LoadTest.OTLP_PROPERTY_NAME, "http://127.0.0.1:4318/v1/metrics"),
                dashboard(parameters),
                durationOrDefault(parameters, LoadTest.DASHBOARD_LINGER_PROPERTY_NAME, "0s"),
                tracing(parameters),
                traceLink(parameters),
                Path.of(parameters.apply(LoadTest.REPORT_DIR_PROPERTY_NAME).orElse(LoadTest.DEFAULT_REPORT_DIR)),
                junitDirectory(parameters),
                parameters.apply(LoadTest.BASELINE_PROPERTY_NAME).map(Path::of),
                parameters.apply(LoadTest.BASELINE_RECORD_PROPERTY_NAME).map(Path::of),
                failWithoutBaseline(parameters),
                segment(parameters, environment),
                startAt(parameters));
    }

    /** {@code users} after the {@code horde.users.factor} scaling, at least 1. */
    int scaled(int users) {
        if (usersFactor.isEmpty()) {
            return users;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(users * usersFactor.getAsDouble())));
    }

    private static String origin(String property) {
        return "configuration parameter '" + property + "'";
    }

    private static OptionalInt users(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(LoadTest.USERS_PROPERTY_NAME);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        return ValueParsers.wholeNumber(text.get()).filter(n -> n > 0).map(OptionalInt::of).orElseThrow(() ->
                new LoadTestConfigurationException(origin(LoadTest.USERS_PROPERTY_NAME)
                        + " must be a whole number > 0 but was [" + text.get() + "]."));
    }

    private static OptionalDouble usersFactor(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(LoadTest.USERS_FACTOR_PROPERTY_NAME);
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        return ValueParsers.number(text.get()).filter(f -> f > 0 && Double.isFinite(f)).map(OptionalDouble::of)
                .orElseThrow(() -> new LoadTestConfigurationException(origin(LoadTest.USERS_FACTOR_PROPERTY_NAME)
                        + " must be a number > 0, e.g. 0.1, but was [" + text.get() + "]."));
    }

    private static Optional<Duration> durationOverride(Function<String, Optional<String>> parameters, String property) {
        return parameters.apply(property).map(text -> ValueParsers.duration(text, origin(property)));
    }

    private static Duration durationOrDefault(
            Function<String, Optional<String>> parameters, String property, String fallback) {
        return ValueParsers.duration(parameters.apply(property).orElse(fallback), origin(property));
    }

    private static OptionalDouble rateOverride(Function<String, Optional<String>> parameters) {
        return parameters.apply(LoadTest.RATE_PROPERTY_NAME)
                .map(text -> OptionalDouble.of(ValueParsers.rate(text, origin(LoadTest.RATE_PROPERTY_NAME))))
                .orElse(OptionalDouble.empty());
    }

    private static Duration requestTimeout(Function<String, Optional<String>> parameters) {
        Duration timeout = durationOrDefault(parameters, LoadTest.REQUEST_TIMEOUT_PROPERTY_NAME,
                LoadTest.DEFAULT_REQUEST_TIMEOUT);
        if (timeout.isZero()) {
            throw new LoadTestConfigurationException(origin(LoadTest.REQUEST_TIMEOUT_PROPERTY_NAME)
                    + " must be > 0 but was [0s].");
        }
        return timeout;
    }

    /** The kind of user threads, {@code auto} resolved for this JVM. */
    private static ThreadKind threads(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(LoadTest.THREADS_PROPERTY_NAME);
        ThreadKind kind = ThreadKind.AUTO;
        if (text.isPresent()) {
            try {
                kind = ThreadKind.valueOf(text.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new LoadTestConfigurationException(origin(LoadTest.THREADS_PROPERTY_NAME)
                        + " must be one of auto, virtual, platform but was [" + text.get() + "].");
            }
        }
        if (kind == ThreadKind.VIRTUAL && !UserThreads.virtualThreadsAvailable()) {
            throw new LoadTestConfigurationException(origin(LoadTest.THREADS_PROPERTY_NAME)
                    + " is [virtual], but this JVM (Java " + Runtime.version().feature()
                    + ") has no virtual threads: use Java 21 or later, or 'auto' or 'platform'.");
        }
        return UserThreads.isVirtual(kind) ? ThreadKind.VIRTUAL : ThreadKind.PLATFORM;
    }

    private static OptionalLong seed(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(LoadTest.SEED_PROPERTY_NAME);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            throw new LoadTestConfigurationException(origin(LoadTest.SEED_PROPERTY_NAME)
                    + " must be a whole number, as printed in a summary, but was [" + text.get() + "].");
        }
    }

    private static boolean failWhenBehind(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(LoadTest.BEHIND_PROPERTY_NAME);
        if (text.isEmpty()) {
            return true;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "fail" -> true;
            case "warn" -> false;
            default -> throw new LoadTestConfigurationException(origin(LoadTest.BEHIND_PROPERTY_NAME)
                    + " must be one of fail, warn but was [" + text.get() + "].");
        };
    }

    /** This JVM's share: {@code horde.segment}, or {@code horde.segments} with the Indexed Job's index; else all. */
    private static Segment segment(Function<String, Optional<String>> parameters,
            Function<String, String> environment) {
        Optional<String> count = parameters.apply(LoadTest.SEGMENTS_PROPERTY_NAME);
        OptionalInt segments = count.isEmpty() ? OptionalInt.empty()
                : ValueParsers.wholeNumber(count.get()).filter(n -> n > 0).map(OptionalInt::of).orElseThrow(() ->
                        new LoadTestConfigurationException(origin(LoadTest.SEGMENTS_PROPERTY_NAME)
                                + " must be a whole number > 0, the number of JVMs sharing each load test, but was ["
                                + count.get() + "]."));
        Optional<String> text = parameters.apply(LoadTest.SEGMENT_PROPERTY_NAME);
        if (text.isPresent()) {
            Segment segment = Segment.parse(text.get()).orElseThrow(() -> new LoadTestConfigurationException(
                    origin(LoadTest.SEGMENT_PROPERTY_NAME) + " must be " + Segment.GRAMMAR + " but was [" + text.get()
                            + "]."));
            if (segments.isPresent() && segments.getAsInt() != segment.count()) {
                throw new LoadTestConfigurationException(origin(LoadTest.SEGMENT_PROPERTY_NAME) + " [" + segment
                        + "] and " + origin(LoadTest.SEGMENTS_PROPERTY_NAME) + " [" + segments.getAsInt()
                        + "] disagree on the number of segments: set one of them.");
            }
            return segment;
        }
        if (segments.isEmpty()) {
            return Segment.WHOLE;
        }
        String index = environment.apply(JOB_INDEX_VARIABLE);
        String where = origin(LoadTest.SEGMENTS_PROPERTY_NAME) + " [" + segments.getAsInt() + "] takes this JVM's"
                + " index from the environment variable " + JOB_INDEX_VARIABLE + " (from 0, set by a Kubernetes Indexed"
                + " Job)";
        if (index == null || index.isBlank()) {
            throw new LoadTestConfigurationException(where + ", which is not set: set it, or set "
                    + LoadTest.SEGMENT_PROPERTY_NAME + "=<index>/" + segments.getAsInt() + " instead.");
        }
        return ValueParsers.wholeNumber(index.strip()).filter(n -> n >= 0 && n < segments.getAsInt())
                .map(n -> new Segment(n + 1, segments.getAsInt()))
                .orElseThrow(() -> new LoadTestConfigurationException(where + ", which is [" + index.strip()
                        + "]: it must be a whole number from 0 to " + (segments.getAsInt() - 1) + "."));
    }

    /** The instant every segment starts at; at most {@link #LONGEST_WAIT} ahead. */
    private static Optional<Instant> startAt(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(LoadTest.START_AT_PROPERTY_NAME);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = Instant.parse(text.get());
        } catch (DateTimeParseException e) {
            throw new LoadTestConfigurationException(origin(LoadTest.START_AT_PROPERTY_NAME)
                    + " must be an ISO-8601 instant in UTC, e.g. 2026-12-02T10:00:00Z, but was [" + text.get() + "].");
        }
        if (instant.isAfter(Instant.now().plus(LONGEST_WAIT))) {
            throw new LoadTestConfigurationException(origin(LoadTest.START_AT_PROPERTY_NAME) + " [" + text.get()
                    + "] is more than " + Durations.format(LONGEST_WAIT) + " ahead: load tests wait for it, so it must"
                    + " be sooner.");
        }
        return Optional.of(instant);
    }

    /** Where the per-budget JUnit XML goes: the value, none for {@code off}, else beside the build tool's reports. */
    private static Optional<Path> junitDirectory(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(LoadTest.JUNIT_DIR_PROPERTY_NAME);
        if (text.isPresent()) {
            return text.get().equalsIgnoreCase("off") ? Optional.empty() : Optional.of(Path.of(text.get()));
        }
        if (Files.exists(Path.of("pom.xml"))) {
            return Optional.of(Path.of("target", "surefire-reports"));
        }
        if (Files.exists(Path.of("build.gradle")) || Files.exists(Path.of("build.gradle.kts"))) {
            return Optional.of(Path.of("build", "test-results", "test"));
        }
        return Optional.empty();
    }

    private static boolean failWithoutBaseline(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(LoadTest.BASELINE_MISSING_PROPERTY_NAME);
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "warn" -> false;
            case "fail" -> true;
            default -> throw new LoadTestConfigurationException(origin(LoadTest.BASELINE_MISSING_PROPERTY_NAME)
                    + " must be one of warn, fail but was [" + text.get() + "].");
        };
    }

    private static boolean failWhenInconclusive(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(LoadTest.INCONCLUSIVE_PROPERTY_NAME);
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "skip" -> false;
            case "fail" -> true;
            default -> throw new LoadTestConfigurationException(origin(LoadTest.INCONCLUSIVE_PROPERTY_NAME)
                    + " must be one of skip, fail but was [" + text.get() + "].");
        };
    }

    /** The absolute http or https URL {@code property} gives, if any; {@code example} shows one in the error. */
    private static Optional<URI> url(Function<String, Optional<String>> parameters, String property, String example) {
        Optional<String> text = parameters.apply(property);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HttpUrls.parse(text.get()).orElseThrow(() -> new LoadTestConfigurationException(
                origin(property) + " must be an absolute http or https URL, e.g. " + example + ", but was ["
                + HttpUrls.shown(text.get()) + "].")));
    }

    /** The cap of the generator's warm-up; empty for {@code off}. */
    private static Optional<Duration> generatorWarmUp(Function<String, Optional<String>> parameters) {
        String property = LoadTest.GENERATOR_WARM_UP_PROPERTY_NAME;
        String text = parameters.apply(property).orElse(LoadTest.DEFAULT_GENERATOR_WARM_UP);
        if (text.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        return Optional.of(Durations.parse(text).filter(d -> !text.startsWith("-")).orElseThrow(() ->
                new LoadTestConfigurationException(origin(property) + " must be a duration, the longest the"
                        + " generator's warm-up may take (" + Durations.GRAMMAR + "), or off, but was [" + text + "].")));
    }

    /** How long a run may find the target unreachable before it stops; zero for {@code off}. */
    private static Duration unreachableStop(Function<String, Optional<String>> parameters) {
        String property = LoadTest.UNREACHABLE_PROPERTY_NAME;
        String text = parameters.apply(property).orElse(LoadTest.DEFAULT_UNREACHABLE);
        if (text.equalsIgnoreCase("off")) {
            return Duration.ZERO;
        }
        return Durations.parse(text).filter(d -> !text.startsWith("-") && !d.isZero()).orElseThrow(() ->
                new LoadTestConfigurationException(origin(property) + " must be a duration > 0, how long a run goes on"
                        + " while the target cannot be reached (" + Durations.GRAMMAR + "), or off, but was [" + text
                        + "]."));
    }

    /** Where {@value LoadTest#PROMETHEUS_PROPERTY_NAME} asks for a scrape endpoint: a port, or host:port. */
    private static Optional<InetSocketAddress> prometheus(Function<String, Optional<String>> parameters) {
        String property = LoadTest.PROMETHEUS_PROPERTY_NAME;
        Optional<String> text = parameters.apply(property);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : value.substring(0, colon).replaceAll("^\\[|\\]$", "");
        OptionalInt port = ValueParsers.wholeNumber(value.substring(colon + 1)).filter(p -> p >= 0 && p <= 65_535)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        if (port.isEmpty() || host.isBlank()) {
            throw new LoadTestConfigurationException(origin(property) + " must be a port from 0 to 65535 (0: any free"
                    + " one), or host:port, e.g. 9464 or 127.0.0.1:9464, but was [" + value + "].");
        }
        return Optional.of(new InetSocketAddress(host, port.getAsInt()));
    }

    /** Where {@value LoadTest#DASHBOARD_PROPERTY_NAME} asks for the live page: a port, true (any free one) or false. */
    private static Optional<InetSocketAddress> dashboard(Function<String, Optional<String>> parameters) {
        String property = LoadTest.DASHBOARD_PROPERTY_NAME;
        Optional<String> text = parameters.apply(property);
        if (text.isEmpty() || text.get().equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        String value = text.get();
        OptionalInt port = value.equalsIgnoreCase("true") ? OptionalInt.of(0)
                : ValueParsers.wholeNumber(value).filter(p -> p >= 1 && p <= 65_535).map(OptionalInt::of)
                        .orElse(OptionalInt.empty());
        if (port.isEmpty()) {
            throw new LoadTestConfigurationException(origin(property) + " must be a port from 1 to 65535, true (any"
                    + " free port) or false, e.g. 8765, but was [" + value + "].");
        }
        String host = parameters.apply(LoadTest.DASHBOARD_HOST_PROPERTY_NAME).orElse("127.0.0.1")
                .replaceAll("^\\[|\\]$", "");
        InetSocketAddress address = new InetSocketAddress(host, port.getAsInt());
        if (address.isUnresolved()) {
            throw new LoadTestConfigurationException(origin(LoadTest.DASHBOARD_HOST_PROPERTY_NAME)
                    + " must be an address of this machine, e.g. 127.0.0.1 or 0.0.0.0, but was [" + host + "].");
        }
        return Optional.of(address);
    }

    /** Whether requests carry a {@code traceparent}: on (the default) or off. */
    private static boolean tracing(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(LoadTest.TRACE_PROPERTY_NAME);
        if (text.isEmpty()) {
            return true;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new LoadTestConfigurationException(origin(LoadTest.TRACE_PROPERTY_NAME)
                    + " must be one of on, off (or true, false) but was [" + text.get() + "].");
        };
    }

    /** A link to a trace, an http(s) URL with {traceId} in it. */
    private static Optional<String> traceLink(Function<String, Optional<String>> parameters) {
        String property = LoadTest.TRACE_LINK_PROPERTY_NAME;
        Optional<String> text = parameters.apply(property);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String link = text.get();
        if (!link.contains("{traceId}") || HttpUrls.parse(link.replace("{traceId}", "0")).isEmpty()) {
            throw new LoadTestConfigurationException(origin(property) + " must be an http or https URL with {traceId}"
                    + " in it, e.g. http://127.0.0.1:16686/trace/{traceId}, but was [" + HttpUrls.shown(link) + "].");
        }
        return Optional.of(link);
    }
}
