package dev.horde.http;

import java.io.IOException;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.protocol.RequestAddCookies;
import org.apache.hc.client5.http.protocol.ResponseProcessCookies;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpResponseInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's own cookie handling, only where there are cookies: a request of a user who holds none skips the
 * cookie matching (which parses the request URI every time), and a response is looked at only if it sets one. In a
 * load loop without cookies this saves about a tenth of the client's CPU per request; with cookies the behaviour is
 * HttpClient's.
 */
final class SessionCookies {

    static final HttpRequestInterceptor ON_REQUEST = SessionCookies::onRequest;
    static final HttpResponseInterceptor ON_RESPONSE = SessionCookies::onResponse;

    private SessionCookies() {
    }

    private static void onRequest(HttpRequest request, EntityDetails entity, HttpContext context)
            throws HttpException, IOException {
        HttpClientContext client = HttpClientContext.castOrCreate(context);
        if (client.getCookieStore() == null || client.getCookieStore().getCookies().isEmpty()) {
            client.setCookieSpec(null); // the response, if it sets a cookie, works out spec and origin afresh
            client.setCookieOrigin(null);
            return;
        }
        RequestAddCookies.INSTANCE.process(request, entity, context);
    }

    private static void onResponse(HttpResponse response, EntityDetails entity, HttpContext context)
            throws HttpException, IOException {
        if (!response.containsHeader("Set-Cookie")) {
            return;
        }
        HttpClientContext client = HttpClientContext.castOrCreate(context);
        if (client.getCookieSpec() == null && client.getRequest() != null) {
            RequestAddCookies.INSTANCE.process(client.getRequest(), null, context); // no cookies to add: spec and origin
        }
        ResponseProcessCookies.INSTANCE.process(response, entity, context);
    }
}
