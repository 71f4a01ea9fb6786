package dev.horde.internal.report;

/** Text made safe for HTML and SVG, in element content and in double-quoted attributes. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
