package dev.horde.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.junit.jupiter.api.Test;

class HttpClient5VersionTests {

    @Test
    void thisBuildsHttpClient5IsRecentEnough() {
        assertThat(HttpClient5Version.problem(HttpClientContext.class)).isNull();
    }

    @Test
    void anOlderOneIsNamedWithWhatToDeclare() {
        assertThat(HttpClient5Version.problem(ContextOfHttpClient53.class)).isEqualTo("httpclient5 on the class path is"
                + " older than 5.4, which Horde's lean client needs: declare org.apache.httpcomponents.client5:httpclient5"
                + " 5.4 or later in test scope (with Spring Boot's parent: the property httpclient5.version)");
    }

    /** Like httpclient5 5.3's {@code HttpClientContext}: no {@code castOrCreate}. */
    static final class ContextOfHttpClient53 {
        public static ContextOfHttpClient53 adapt(Object context) {
            return new ContextOfHttpClient53();
        }
    }
}
