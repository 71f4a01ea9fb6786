package dev.horde.report;

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
                .name("list").beginArray().value(1).value(true).beginObject().endObject().endArray()
                .name("empty").beginArray().endArray()
                .endObject().toString();

        JsonPath parsed = JsonPath.from(json);
        assertThat(parsed.getString("text")).isEqualTo("quote \" backslash \\ newline \n tab \t bell \u0007 ünï");
        assertThat(parsed.getString("nan")).isNull();
        assertThat(json).contains("\"whole\": 3,").contains("\"fraction\": 0.123,");
        assertThat(parsed.getList("list")).hasSize(3);
        assertThat(parsed.getList("empty")).isEmpty();
    }
}
