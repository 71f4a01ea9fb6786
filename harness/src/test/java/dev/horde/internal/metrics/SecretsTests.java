package dev.horde.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Authorization: Bearer eyJhbGciOi.payload.sig           | Authorization: Bearer ****
            authorization=Basic dXNlcjpwYXNz                       | authorization=Basic ****
            sent bearer abc123 to the server                       | sent bearer **** to the server
            Cookie: session=abc; theme=dark                        | Cookie: ****
            Set-Cookie: JSESSIONID=1234; Path=/                    | Set-Cookie: ****
            {"username":"ann","password":"hunter2"}                | {"username":"ann","password":"****"}
            {"token": "tok-123", "id": 7}                          | {"token": "****", "id": 7}
            login?user=ann&passwd=hunter2&next=/home               | login?user=ann&passwd=****&next=/home
            {"access_token":"a.b.c","refresh_token":"d"}           | {"access_token":"****","refresh_token":"****"}
            x-api-key=K3Y                                          | x-api-key=****
            expected status 200 but was 404 for GET /api/posts/7   | expected status 200 but was 404 for GET /api/posts/7
            """)
    void masksSecretValuesAndLeavesTheRest(String text, String masked) {
        assertThat(Secrets.mask(text)).isEqualTo(masked);
    }
}
