package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * A failure a run recorded, as the cause of the test's own failure: the original's type and message with secrets
 * masked, and its stack down to where the harness called the test's code, so that an IDE or a test report jumps to the
 * user's line. Its cause, if any, is recorded the same way.
 */
@API(status = INTERNAL, since = "0.1")
public final class RecordedFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private static final String HARNESS = "dev.horde.internal.";
    private static final int MAX_CAUSES = 8;

    private RecordedFailure(Throwable original, int depth) {
        super(Secrets.mask(String.valueOf(original)), recordedCause(original, depth), false, true);
        setStackTrace(userFrames(original.getStackTrace()));
    }

    private static RecordedFailure recordedCause(Throwable original, int depth) {
        Throwable cause = original.getCause();
        return cause != null && cause != original && depth < MAX_CAUSES ? new RecordedFailure(cause, depth + 1) : null;
    }

    /** {@code failure} with its message masked and the harness's frames below the user's cut off. */
    static RecordedFailure of(Throwable failure) {
        return new RecordedFailure(failure, 0);
    }

    /** The frames above the first of the harness's own that follows a frame of someone else's code. */
    private static StackTraceElement[] userFrames(StackTraceElement[] frames) {
        for (int i = 1; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith(HARNESS) && !frames[i - 1].getClassName().startsWith(HARNESS)) {
                return Arrays.copyOf(frames, i);
            }
        }
        return frames;
    }

    /** Only the masked text of the original: {@code java.lang.IllegalStateException: odd user}. */
    @Override
    public String toString() {
        return getMessage();
    }
}
