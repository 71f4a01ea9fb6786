package dev.horde.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class FailureCauseTests {

    @Test
    void transportFailuresAreNamedByKindAnywhereInTheChain() {
        assertThat(FailureCause.of(new ConnectException("Connection refused"))).isEqualTo("connection refused");
        assertThat(FailureCause.of(new RuntimeException(new SocketTimeoutException("Read timed out")))).isEqualTo("timeout");
        assertThat(FailureCause.of(new SocketException("Connection reset"))).isEqualTo("connection reset");
        assertThat(FailureCause.of(new SocketException("Broken pipe"))).isEqualTo("broken pipe");
        assertThat(FailureCause.of(new UnknownHostException("nowhere"))).isEqualTo("unknown host");
        assertThat(FailureCause.of(new IOException(new InterruptedException()))).isEqualTo("interrupted");
    }

    @Test
    void assertionsAndOtherExceptionsKeepTheirMessageOnOneShortLine() {
        assertThat(FailureCause.of(new AssertionError("1 expectation failed.\nExpected status code <200> but was <500>.\n")))
                .isEqualTo("assertion failed: 1 expectation failed. Expected status code <200> but was <500>.");
        assertThat(FailureCause.of(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(FailureCause.of(new IllegalStateException("x".repeat(500)))).hasSize("IllegalStateException: ".length() + 120);
    }

    @Test
    void aRequestThatFailedInsideItsClientIsAClientErrorNotTheTargets() {
        assertThat(FailureCause.ofRequest(new IllegalStateException(
                "Invalid use of BasicClientConnManager: connection still allocated."), "127.0.0.1:8089"))
                .isEqualTo("client error: IllegalStateException: Invalid use of BasicClientConnManager: connection still"
                        + " allocated.");
        assertThat(FailureCause.ofRequest(new NoClassDefFoundError("org/apache/http/impl/client/AbstractHttpClient"), null))
                .isEqualTo("client error: NoClassDefFoundError: org/apache/http/impl/client/AbstractHttpClient");
        assertThat(FailureCause.ofRequest(new SocketException("Connection reset"), "127.0.0.1:8089"))
                .isEqualTo("connection reset (127.0.0.1:8089)");
        assertThat(FailureCause.ofRequest(new IOException("the body was not the 12 bytes its Content-Length announced"),
                null)).as("input or output failed: the target's part").startsWith("IOException: ");
    }

    @Test
    void httpStatusesAreSharedStrings() {
        assertThat(FailureCause.httpStatus(503)).isEqualTo("HTTP 503").isSameAs(FailureCause.httpStatus(503));
        assertThat(FailureCause.httpStatus(999)).isEqualTo("HTTP 999");
    }
}
