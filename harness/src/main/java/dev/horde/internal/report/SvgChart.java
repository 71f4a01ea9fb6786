package dev.horde.internal.report;

import dev.horde.internal.metrics.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained SVG line chart: axes with units and ticks, one line per series, dashed horizontal lines for limits
 * (budgets), a legend. No scripts, fonts or links: it renders offline anywhere an image does.
 */
final class SvgChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 180;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
        "#17becf", "#7f7f7f", "#bcbd22", "#393b79"};

    private final String title;
    private final String xUnit;
    private final String yUnit;
    private final List<Series> series = new ArrayList<>();
    private final List<Limit> limits = new ArrayList<>();

    record Series(String name, double[] xs, double[] ys) {
    }

    private record Limit(String name, double value) {
    }

    SvgChart(String title, String xUnit, String yUnit) {
        this.title = title;
        this.xUnit = xUnit;
        this.yUnit = yUnit;
    }

    SvgChart series(String name, double[] xs, double[] ys) {
        series.add(new Series(name, xs, ys));
        return this;
    }

    SvgChart limit(String name, double value) {
        limits.add(new Limit(name, value));
        return this;
    }

    boolean isEmpty() {
        return series.stream().allMatch(s -> s.xs().length == 0);
    }

    String render() {
        double maxX = 1;
        double maxY = 0;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                maxX = Math.max(maxX, s.xs()[i]);
                maxY = Math.max(maxY, s.ys()[i]);
            }
        }
        for (Limit limit : limits) {
            maxY = Math.max(maxY, limit.value());
        }
        double yStep = niceStep(maxY == 0 ? 1 : maxY * 1.1 / 5);
        double yTop = Math.max(yStep, Math.ceil(maxY * 1.1 / yStep) * yStep);
        double xStep = niceStep(maxX / 6);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                .append("<text x=\"").append(LEFT).append("\" y=\"20\" font-size=\"14\" font-weight=\"bold\">")
                .append(Html.escape(title)).append("</text>\n");
        for (double y = 0; y <= yTop + yStep / 2; y += yStep) {
            double py = TOP + plotH - y / yTop * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT, py, LEFT + plotW, py, LEFT - 6, py + 4, Html.escape(Format.number(y))));
        }
        for (double x = 0; x <= maxX + xStep / 2; x += xStep) {
            double px = LEFT + x / maxX * plotW;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    px, TOP + plotH, px, TOP + plotH + 4, px, TOP + plotH + 16, Html.escape(Format.number(x))));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP, LEFT, TOP + plotH, LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotW / 2, HEIGHT - 8, Html.escape(xUnit)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(16,%d) rotate(-90)\" text-anchor=\"middle\">"
                + "%s</text>%n", TOP + plotH / 2, Html.escape(yUnit)));
        int legendY = TOP + 4;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int p = 0; p < s.xs().length; p++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + s.xs()[p] / maxX * plotW,
                        TOP + plotH - Math.min(s.ys()[p], yTop) / yTop * plotH));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                    .append(points.toString().strip()).append("\"/>\n");
            legendY = legend(svg, legendY, colour, false, s.name());
        }
        for (Limit limit : limits) {
            double py = TOP + plotH - limit.value() / yTop * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\""
                    + " stroke-dasharray=\"6,4\" stroke-width=\"1.5\"/>%n", LEFT, py, LEFT + plotW, py));
            legendY = legend(svg, legendY, "#d62728", true, limit.name());
        }
        return svg.append("</svg>\n").toString();
    }

    private static int legend(StringBuilder svg, int y, String colour, boolean dashed, String name) {
        int x = WIDTH - RIGHT + 12;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                + " stroke-width=\"2\"%s/><text x=\"%d\" y=\"%d\">%s</text>%n", x, y, x + 18, y, colour,
                dashed ? " stroke-dasharray=\"6,4\"" : "", x + 24, y + 4, Html.escape(shorten(name))));
        return y + 16;
    }

    private static String shorten(String name) {
        return name.length() > 26 ? name.substring(0, 25) + "…" : name;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}
