package dev.horde.bench;

import dev.horde.LoadTest;
import dev.horde.user.UserEntity;

/**
 * The load test {@code BENCH=segments bench/run.sh} runs from the command line jar, in one JVM and split over several:
 * users GET a small document back to back with the lean client, the target and users set by the script.
 */
public class NginxLoadTest {

    /** A user with the lean client. */
    public static class Reader extends UserEntity {
        void read() {
            api().get("/api/posts/1").send();
        }
    }

    @LoadTest(users = 100, duration = "20s", warmUp = "5s")
    void read(Reader user) {
        user.read();
    }
}
