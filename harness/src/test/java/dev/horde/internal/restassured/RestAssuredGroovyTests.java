package dev.horde.internal.restassured;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class RestAssuredGroovyTests {

    @Test
    void theRestAssuredAndGroovyOfThisBuildMatch() {
        assertThat(RestAssuredGroovy.PROBLEM).isNull();
        assertThat(RestAssuredGroovy.problem(RestAssuredGroovy.restAssuredManifest(), "1.0"))
                .as("the range read from REST Assured's own manifest").startsWith("REST Assured ");
    }

    @Test
    void restAssured5OnGroovy5IsNamedWithWhatToUse() throws IOException {
        assertThat(RestAssuredGroovy.problem(manifest("5.5.6", "[4.0,5.0)"), "5.0.6")).isEqualTo("REST Assured 5.5.6"
                + " runs on Groovy [4.0,5.0), the class path has Groovy 5.0.6: use REST Assured 6 with Groovy 5 (as"
                + " Spring Boot 4 has), REST Assured 5 with Groovy 4");
        assertThat(RestAssuredGroovy.problem(manifest("6.0.1", "[5.0,6.0)"), "4.0.29")).startsWith("REST Assured 6.0.1");
    }

    @Test
    void versionsInsideTheRangeMatch() throws IOException {
        assertThat(RestAssuredGroovy.problem(manifest("5.5.6", "[4.0,5.0)"), "4.0.29")).isNull();
        assertThat(RestAssuredGroovy.problem(manifest("6.0.1", "[5.0,6.0)"), "5.0.0-rc-1")).isNull();
        assertThat(RestAssuredGroovy.problem(manifest("6.0.1", "[5.0,6.0)"), "5.0")).isNull();
        assertThat(RestAssuredGroovy.problem(new Manifest(), "5.0.6")).as("a manifest without imports").isNull();
    }

    @Test
    void dottedVersionsCompareByNumber() {
        assertThat(RestAssuredGroovy.compare("4.0.29", "4.0")).isPositive();
        assertThat(RestAssuredGroovy.compare("4.10", "4.9")).isPositive();
        assertThat(RestAssuredGroovy.compare("5.0", "5.0.0")).isZero();
        assertThat(RestAssuredGroovy.compare("4.0.29", "5.0")).isNegative();
    }

    private static Manifest manifest(String version, String groovyRange) throws IOException {
        String text = "Manifest-Version: 1.0\nBundle-Version: " + version + "\nImport-Package: groovy.json;version=\""
                + groovyRange + "\",groovy.lang;version=\"" + groovyRange + "\",org.hamcrest;version=\"[2.2,3)\"\n";
        return new Manifest(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
