package dev.rekoface.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.testkit.emulator.RekognitionEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of the testkit depend downward only, read from the compiled classes with jdeps (so fully-qualified
 * names and nested classes count, Javadoc does not): no package cycle, the face-source SPI ({@code faces}) at the
 * bottom, and the emulator beneath the JUnit extensions, stubs and recorder that use it.
 */
class PackageLayeringTest {
    private static final String ROOT = "dev.rekoface.testkit";
    /** {@code   from   -> to   where}, one line a package edge ({@code jdeps -verbose:package}). */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+.*$");

    private static Map<String, Set<String>> packages;

    @BeforeAll
    static void readPackages() throws Exception {
        Path compiled = Path.of(RekognitionEmulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("jdeps is not in this JDK (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
            "-e", "dev\\.rekoface\\.testkit\\..*", compiled.toString());
        assertThat(code).as("jdeps: " + err).isZero();
        packages = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches() && m.group(1).startsWith(ROOT + ".")) {
                Set<String> to = packages.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                if (!m.group(1).equals(m.group(2))) {
                    to.add(m.group(2));
                }
            }
        }
        assertThat(packages).as("packages read by jdeps").containsKeys(ROOT + ".emulator", ROOT + ".faces", ROOT + ".junit",
            ROOT + ".stub", ROOT + ".record");
        assertThat(packages.get(ROOT + ".junit")).as("edges read by jdeps").contains(ROOT + ".emulator", ROOT + ".stub");
    }

    @Test
    void packages_dependDownwardOnly_noCycle() {
        assertThat(edgesOnCycles(packages)).as("package edges on a cycle").isEmpty();
    }

    @Test
    void facesAndEmulator_neverReachTheExtensionsStubsOrRecorder() {
        for (String lower : List.of(ROOT + ".faces", ROOT + ".emulator")) {
            assertThat(packages.get(lower)).as(lower).doesNotContain(ROOT + ".junit", ROOT + ".stub", ROOT + ".record");
        }
        assertThat(packages.get(ROOT + ".faces")).as("the face-source SPI uses no other package of the testkit")
            .allMatch(p -> !p.startsWith(ROOT + ".") || p.equals(ROOT + ".fixtures"));
    }

    @Test
    void edgesOnCycles_graphWithACycle_reportsItsEdgesOnly() {
        Map<String, Set<String>> g = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"),
            "d", Set.of(), "e", Set.of("a")));
        assertThat(edgesOnCycles(g)).containsExactlyInAnyOrder("a -> b", "b -> c", "c -> a");
        g.put("c", Set.of("d"));
        assertThat(edgesOnCycles(g)).isEmpty();
    }

    /**
     * Returns the edges left once every package that nothing on a cycle could involve is peeled off: repeatedly, a
     * package no remaining package depends on, or one that depends on no remaining package. What is left is the
     * cycles (and any path from one cycle to another).
     */
    static Set<String> edgesOnCycles(Map<String, Set<String>> graph) {
        Map<String, Set<String>> g = new TreeMap<>();
        graph.forEach((from, tos) -> g.put(from, new TreeSet<>(tos)));
        graph.values().forEach(tos -> tos.forEach(to -> g.putIfAbsent(to, new TreeSet<>())));
        boolean peeled = true;
        while (peeled) {
            Set<String> reached = new TreeSet<>();
            g.values().forEach(reached::addAll);
            peeled = g.keySet().removeIf(p -> g.get(p).isEmpty() || !reached.contains(p));
            g.values().forEach(tos -> tos.retainAll(g.keySet()));
        }
        Set<String> edges = new TreeSet<>();
        g.forEach((from, tos) -> tos.forEach(to -> edges.add(from + " -> " + to)));
        return edges;
    }
}
