package dev.horde.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.MessageHeaders;
import org.apiguardian.api.API;

/** A whole response: status, headers and body, read as text, JSON or an object. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpResult {

    private final String method;
    private final String template;
    private final int status;
    private final MessageHeaders headers;
    private final byte[] body;

    HttpResult(String method, String template, HttpResponse response, byte[] body) {
        this.method = method;
        this.template = template;
        this.status = response.getCode();
        this.headers = response;
        this.body = body;
    }

    /** The status code, e.g. 200. */
    public int status() {
        return status;
    }

    /** The first value of the header of this name (any case), if the response has one. */
    public Optional<String> header(String name) {
        Header header = headers.getFirstHeader(name);
        return header == null ? Optional.empty() : Optional.ofNullable(header.getValue());
    }

    /** The body as received. */
    public byte[] bytes() {
        return body.clone();
    }

    /** The body as text, in the charset of its content type (UTF-8 if it names none). */
    public String body() {
        return new String(body, charset());
    }

    /**
     * The body parsed as JSON (Jackson's tree: {@code json().get("token").asText()}).
     *
     * @throws UncheckedIOException if the body is not JSON
     */
    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(what() + ": the body is not JSON", e);
        }
    }

    /**
     * The JSON body read as {@code type} by Jackson (unknown properties are ignored).
     *
     * @throws UncheckedIOException if the body cannot be read as {@code type}
     */
    public <T> T as(Class<T> type) {
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(what() + ": the body cannot be read as " + type.getSimpleName(), e);
        }
    }

    /** {@code "GET /api/posts/{id} → 200"}. */
    @Override
    public String toString() {
        return what();
    }

    String what() {
        return method + " " + template + " → " + status;
    }

    private Charset charset() {
        Header header = headers.getFirstHeader("Content-Type");
        if (header == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset charset = ContentType.parse(header.getValue()).getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
