package dev.horde.internal.verdict;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What to say when a budget's metric recorded nothing but others did: the recorded metric it most likely meant. A
 * budget on a concrete path where a template was recorded, requests recorded under concrete paths where the budget
 * names a template (paths built by concatenation), or a near miss in spelling.
 */
final class MetricHint {

    private MetricHint() {
    }

    /** {@code "; did you mean GET /api/posts/{id}?"} or the like, or empty when no recorded name is close. */
    static String of(String wanted, List<String> recorded) {
        List<String> concrete = recorded.stream().filter(name -> covers(wanted, name)).toList();
        if (!concrete.isEmpty()) {
            return "; requests went to " + concrete.size() + (concrete.size() == 1 ? " concrete path" : " concrete paths")
                    + " (" + concrete.get(0) + (concrete.size() > 1 ? ", …" : "") + "), each its own metric: write the"
                    + " path as a template with its values apart, e.g. get(\"" + path(wanted) + "\", id)";
        }
        Optional<String> template = recorded.stream().filter(name -> covers(name, wanted)).findFirst();
        if (template.isPresent()) {
            return "; did you mean " + template.get() + "? A budget names the path template the request was written"
                    + " with, not a value";
        }
        return recorded.stream()
                .filter(name -> distance(name, wanted) <= Math.max(2, wanted.length() / 5))
                .min((a, b) -> Integer.compare(distance(a, wanted), distance(b, wanted)))
                .map(name -> "; did you mean " + name + "?")
                .orElse("");
    }

    /** Whether {@code template} (with placeholders) matches {@code concrete} segment by segment, and they differ. */
    private static boolean covers(String template, String concrete) {
        String[] t = template.split("[ /]");
        String[] c = concrete.split("[ /]");
        if (t.length != c.length || template.equals(concrete) || !template.contains("{")) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            boolean placeholder = t[i].startsWith("{") && t[i].endsWith("}") && !c[i].startsWith("{");
            if (!placeholder && !t[i].equals(c[i])) {
                return false;
            }
        }
        return true;
    }

    private static String path(String metric) {
        int space = metric.indexOf(' ');
        return space < 0 ? metric : metric.substring(space + 1);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        Arrays.setAll(previous, i -> i);
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
