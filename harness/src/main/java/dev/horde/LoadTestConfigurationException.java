package dev.horde;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.junit.platform.commons.JUnitException;

/**
 * A load test is configured wrongly: an annotation attribute, a configuration parameter or a parameter type. The
 * message starts with {@code "Configuration error: "} and names where the problem is, the value, and what is
 * allowed. Thrown before any virtual user starts.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class LoadTestConfigurationException extends JUnitException {

    private static final long serialVersionUID = 1L;

    /** An error whose {@code problem} is prefixed with {@code "Configuration error: "}. */
    public LoadTestConfigurationException(String problem) {
        super("Configuration error: " + problem);
    }

    /** An error whose {@code problem} is prefixed with {@code "Configuration error: "}, caused by {@code cause}. */
    public LoadTestConfigurationException(String problem, Throwable cause) {
        super("Configuration error: " + problem, cause);
    }
}
