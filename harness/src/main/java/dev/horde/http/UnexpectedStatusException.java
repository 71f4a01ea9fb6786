package dev.horde.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.NamedFailure;
import java.util.Arrays;
import org.apiguardian.api.API;

/** A response whose status the request did not expect; counted under the cause {@code "HTTP <status>"}. */
@API(status = EXPERIMENTAL, since = "0.1")
public class UnexpectedStatusException extends RuntimeException implements NamedFailure {

    private static final long serialVersionUID = 1L;

    private final transient HttpResult response;

    UnexpectedStatusException(HttpResult response, int[] expected) {
        super(response.what() + ", expected " + (expected == null ? "a status below 400" : Arrays.toString(expected))
                + Format.bodyExcerpt(response.body()));
        this.response = response;
    }

    /** The response, body included. */
    public HttpResult response() {
        return response;
    }

    @Override
    public String failureCause() {
        return FailureCause.httpStatus(response.status());
    }
}
