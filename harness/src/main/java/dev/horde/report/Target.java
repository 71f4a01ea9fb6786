package dev.horde.report;

import io.restassured.RestAssured;

/** Names the system under test as REST Assured is configured to reach it. */
final class Target {

    private Target() {
    }

    static String describe() {
        String base = RestAssured.baseURI;
        int port = RestAssured.port;
        boolean defaultPort = port == RestAssured.UNDEFINED_PORT || port == RestAssured.DEFAULT_PORT;
        return base + (defaultPort || base.matches(".*:\\d+/?$") ? "" : ":" + port);
    }
}
