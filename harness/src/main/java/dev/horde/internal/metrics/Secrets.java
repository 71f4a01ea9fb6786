package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Masks secrets in text that reports keep: the values of {@code Authorization} headers and bearer tokens, cookies,
 * and JSON or form fields named like a password, token, secret, key or session. Failure causes and error samples
 * pass through it before they reach the console, the JSON summary or Allure.
 */
@API(status = INTERNAL, since = "0.1")
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    private static final Pattern AUTHORIZATION =
            Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?(?:bearer|basic|digest|token)?\\s*)[^\\s\",;}]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern COOKIE = Pattern.compile("(?i)(\\b(?:set-)?cookie\"?\\s*[:=]\\s*\"?)[^\\r\\n\"]+");
    private static final Pattern FIELD = Pattern.compile("(?i)(\"?\\b[\\w.-]*(?:password|passwd|pwd|secret|token"
            + "|api[_-]?key|apikey|session[_-]?id|sessionid|jsessionid|credential)[\\w.-]*\"?\\s*[:=]\\s*\"?)"
            + "[^\"&,;\\s}]+");

    private Secrets() {
    }

    /** {@code uri} as reports show it: credentials and secret parameters replaced by {@value #MASK}. */
    public static String mask(java.net.URI uri) {
        String text = uri.getRawUserInfo() == null ? uri.toString()
                : uri.toString().replace(uri.getRawUserInfo() + "@", MASK + "@");
        return mask(text);
    }

    /** {@code text} with every secret value replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(AUTHORIZATION, text);
        masked = replace(BEARER, masked);
        masked = replace(COOKIE, masked);
        return replace(FIELD, masked);
    }

    private static String replace(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK)) : text;
    }
}
