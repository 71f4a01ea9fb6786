package dev.horde.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

class JsonWriterTests {

    @Test
    void writesValidJsonWithEscapesAndNoNaN() {
        String json = new JsonWriter().beginObject()
                .name("text").value("quote \" backslash \\ newline \n tab \t bell \u0007 ünï")
                .name("nan").value(Double.NaN)
                .name("whole").value(3.0)
                .name("fraction").value(0.1234567)
                .name("tiny").value(0.0004)
                .name("trailing").value(1.2004)
                .name("big").value(12_345_678_901.5)
                .name("list").beginArray().value(1).value(true).beginObject().endObject().endArray()
                .name("empty").beginArray().endArray()
                .endObject().toString();

        JsonPath parsed = JsonPath.from(json);
        assertThat(parsed.getString("text")).isEqualTo("quote \" backslash \\ newline \n tab \t bell \u0007 ünï");
        assertThat(parsed.getString("nan")).isNull();
        assertThat(json).contains("\"whole\": 3,").contains("\"fraction\": 0.123,").contains("\"tiny\": 0,")
                .contains("\"trailing\": 1.2,").contains("\"big\": 12345678901.5,");
        assertThat(parsed.getList("list")).hasSize(3);
        assertThat(parsed.getList("empty")).isEmpty();
    }
}
