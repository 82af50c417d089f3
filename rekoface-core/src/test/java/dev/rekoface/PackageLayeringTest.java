package dev.rekoface;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
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
 * The packages of rekoface-core depend downward only: no package cycle, read from the compiled classes with jdeps
 * (so fully-qualified names and nested classes count, Javadoc does not).
 *
 * <p>Two rules make the layering exact. The API package {@code dev.rekoface} is two layers: its foundation (the
 * exceptions and {@link Operation}, which depend on no other rekoface package and sit under everything) and its
 * facade (the client and collection interfaces, which sit on top). And a public entry point's factory
 * ({@code RekofaceClient.builder()}, {@code Batch...start}) names its internal implementation; those edges, and no
 * other from a public package into {@code internal}, are listed in {@link #FACTORY_EDGES}.
 */
class PackageLayeringTest {
    private static final String ROOT = "dev.rekoface";
    private static final String FOUNDATION = "dev.rekoface (exceptions, Operation)";

    /** The only references from a public package into an internal one: entry points creating their implementation. */
    private static final Set<String> FACTORY_EDGES = Set.of(
        "dev.rekoface.RekofaceClient -> dev.rekoface.internal.DefaultRekofaceClientBuilder",
        "dev.rekoface.RekofaceAsyncClient -> dev.rekoface.internal.DefaultRekofaceAsyncClientBuilder",
        "dev.rekoface.batch.Batch$Builder -> dev.rekoface.internal.batch.DefaultBatchRun");

    private static final Pattern LINE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+\\S+\\s*$");

    private static Map<String, Set<String>> classes;

    @BeforeAll
    static void readClasses() throws Exception {
        Path compiled = Path.of(RekofaceClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("jdeps is not in this JDK (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-filter:none",
            "-e", "dev\\.rekoface\\..*", compiled.toString());
        assertThat(code).as("jdeps: " + err).isZero();
        classes = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && m.group(2).startsWith(ROOT + ".") && !m.group(1).equals(m.group(2))) {
                classes.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertThat(classes).as("classes read by jdeps").hasSizeGreaterThan(100);
    }

    @Test
    void packages_dependDownwardOnly_noCycle() {
        Map<String, Map<String, List<String>>> packages = packageGraph();
        assertThat(packages).as("package graph").containsKeys("dev.rekoface.internal", "dev.rekoface.internal.operation",
            "dev.rekoface.internal.mapper", "dev.rekoface.model");
        List<String> cyclic = new ArrayList<>();
        for (String edge : cyclicEdges(simple(packages))) {
            String[] ab = edge.split(" -> ");
            List<String> why = packages.get(ab[0]).get(ab[1]);
            cyclic.add(edge + "   e.g. " + why.subList(0, Math.min(3, why.size())));
        }
        assertThat(cyclic).as("package edges on a cycle").isEmpty();
    }

    @Test
    void publicPackages_reachInternal_onlyThroughTheEntryPointFactories() {
        Set<String> intoInternal = new TreeSet<>();
        classes.forEach((from, tos) -> tos.forEach(to -> {
            if (!isInternal(from) && isInternal(to)) {
                intoInternal.add(from + " -> " + to);
            }
        }));
        assertThat(intoInternal).containsExactlyInAnyOrderElementsOf(FACTORY_EDGES);
    }

    @Test
    void apiPackage_foundationIsTheExceptionsAndOperation_facadeIsTheClients() {
        assertThat(node(RekofaceException.class.getName())).isEqualTo(FOUNDATION);
        assertThat(node(InvalidArgumentException.class.getName())).isEqualTo(FOUNDATION);
        assertThat(node(Operation.class.getName())).isEqualTo(FOUNDATION);
        assertThat(node(RekofaceClient.class.getName())).isEqualTo(ROOT);
        assertThat(node(FaceCollection.class.getName())).isEqualTo(ROOT);
    }

    @Test
    void cyclicEdges_graphWithACycle_reportsEveryEdgeOnItAndNoOther() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", Set.of("b"));
        g.put("b", Set.of("c"));
        g.put("c", Set.of("a", "d"));
        g.put("d", Set.of());
        assertThat(cyclicEdges(g)).containsExactlyInAnyOrder("a -> b", "b -> c", "c -> a");
        g.put("c", Set.of("d"));
        assertThat(cyclicEdges(g)).isEmpty();
    }

    /** Package graph: from → to → the class edges behind it, with the factory edges left out. */
    private static Map<String, Map<String, List<String>>> packageGraph() {
        Map<String, Map<String, List<String>>> g = new TreeMap<>();
        classes.forEach((from, tos) -> tos.forEach(to -> {
            String a = node(from);
            String b = node(to);
            if (!a.equals(b) && !FACTORY_EDGES.contains(from + " -> " + to)) {
                g.computeIfAbsent(a, k -> new TreeMap<>()).computeIfAbsent(b, k -> new ArrayList<>()).add(from + " -> " + to);
            }
        }));
        return g;
    }

    /**
     * The package layer of a class. A class of the API package belongs to its foundation when nothing it reaches,
     * directly or not, lies outside that package.
     */
    private static String node(String cls) {
        String pkg = packageOf(cls);
        if (!pkg.equals(ROOT)) {
            return pkg;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(cls));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (!seen.add(c)) {
                continue;
            }
            if (!packageOf(c).equals(ROOT)) {
                return ROOT;
            }
            todo.addAll(classes.getOrDefault(c, Set.of()));
        }
        return FOUNDATION;
    }

    private static String packageOf(String cls) {
        return cls.substring(0, cls.lastIndexOf('.'));
    }

    private static boolean isInternal(String cls) {
        return cls.startsWith(ROOT + ".internal.");
    }

    private static Map<String, Set<String>> simple(Map<String, Map<String, List<String>>> g) {
        Map<String, Set<String>> out = new TreeMap<>();
        g.forEach((a, bs) -> out.put(a, bs.keySet()));
        return out;
    }

    /** Returns the edges {@code a -> b} of a graph from which {@code a} can be reached again: the edges on a cycle. */
    static Set<String> cyclicEdges(Map<String, Set<String>> g) {
        Set<String> out = new TreeSet<>();
        g.forEach((a, bs) -> bs.forEach(b -> {
            if (reachable(g, b).contains(a)) {
                out.add(a + " -> " + b);
            }
        }));
        return out;
    }

    private static Set<String> reachable(Map<String, Set<String>> g, String start) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (seen.add(n)) {
                todo.addAll(g.getOrDefault(n, Set.of()));
            }
        }
        return seen;
    }
}
