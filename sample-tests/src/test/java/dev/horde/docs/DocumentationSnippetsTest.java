package dev.horde.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java and XML block of the README and {@code docs/} is an excerpt of a real source file: the samples, the
 * compatibility suite and its POMs, or the harness. A line {@code …} stands for lines left out; whitespace may differ.
 * So a snippet cannot drift from the code it shows.
 */
class DocumentationSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SOURCE_ROOTS = List.of("sample-tests/src", "compat", "harness/src", "bench/src");

    @TestFactory
    Stream<DynamicTest> everySnippetIsFoundInASourceFile() throws IOException {
        List<Source> sources = sources();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : documents()) {
            List<Snippet> snippets = Snippet.in(document);
            for (Snippet snippet : snippets) {
                String name = ROOT.relativize(document) + ":" + snippet.line;
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    if (sources.stream().noneMatch(source -> source.contains(snippet.fragments))) {
                        fail(name + ": no source file holds this " + snippet.language + " block (its parts in order):\n"
                                + String.join("\n…\n", snippet.fragments));
                    }
                }));
            }
        }
        assertFalse(tests.isEmpty(), "no snippets found under " + ROOT);
        return tests.stream();
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    private static List<Source> sources() throws IOException {
        List<Source> sources = new ArrayList<>();
        for (String root : SOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(root))) {
                files.filter(path -> !path.toString().contains("/target/"))
                        .filter(path -> path.toString().endsWith(".java") || path.toString().endsWith("pom.xml"))
                        .forEach(path -> sources.add(new Source(normalize(read(path)))));
            }
        }
        return sources;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private record Source(String text) {

        boolean contains(List<String> fragments) {
            int from = 0;
            for (String fragment : fragments) {
                int at = text.indexOf(fragment, from);
                if (at < 0) {
                    return false;
                }
                from = at + fragment.length();
            }
            return true;
        }
    }

    /** A fenced {@code java} or {@code xml} block: its parts between {@code …} lines, whitespace collapsed. */
    private record Snippet(String language, int line, List<String> fragments) {

        static List<Snippet> in(Path document) {
            List<String> lines = read(document).lines().toList();
            List<Snippet> snippets = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String fence = lines.get(i).strip();
                if (!fence.equals("```java") && !fence.equals("```xml")) {
                    continue;
                }
                int start = i + 1;
                List<String> fragments = new ArrayList<>();
                StringBuilder fragment = new StringBuilder();
                for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    if (lines.get(i).strip().equals("…")) {
                        fragments.add(normalize(fragment.toString()));
                        fragment.setLength(0);
                    } else {
                        fragment.append(lines.get(i)).append('\n');
                    }
                }
                fragments.add(normalize(fragment.toString()));
                fragments.removeIf(String::isEmpty);
                snippets.add(new Snippet(fence.substring(3), start, fragments));
            }
            return snippets;
        }
    }
}
