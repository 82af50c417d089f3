package dev.rekoface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command line in-process, as picocli's {@code execute} does, capturing both streams. */
record CliRun(int code, String out, String err) {
    /** The idle time of the background stacks the tests' processes start. */
    static final String TEST_IDLE = "2m";

    /** Runs the command line in-process as {@code main} does: only the named subcommand's model is built. */
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (RekofaceCli cli = new RekofaceCli()) {
            code = cli.commandLine(args).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        }
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Runs the command line in-process against a local stack: its {@code --endpoint} and {@code --s3-endpoint} are
     * appended to the arguments.
     */
    static CliRun run(LocalStack stack, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--endpoint";
        all[args.length + 1] = stack.rekognitionEndpoint().toString();
        all[args.length + 2] = "--s3-endpoint";
        all[args.length + 3] = stack.s3Endpoint().toString();
        return run(all);
    }

    /**
     * Runs the built {@code target/rekoface.jar} as a user runs it: a separate JVM working in {@code dir}, with
     * {@code dir/home} as its home and no AWS keys in its environment. Gives up after 5 minutes.
     */
    static CliRun jar(Path dir, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("rekoface.jar", "target/rekoface.jar"));
        assertThat(jar).as("the runnable jar, built by mvn package").exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.home=" + dir.resolve("home"), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("AWS_ACCESS_KEY_ID");
        pb.environment().remove("AWS_SECRET_ACCESS_KEY");
        // a background stack a test forgets to stop goes away on its own soon
        pb.environment().put(Daemon.IDLE_ENV, TEST_IDLE);
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished in time: " + cmd).isTrue();
        return new CliRun(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
            Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /**
     * Stops the background local stack of each data directory, if one runs, and waits until it is gone (for the
     * {@code @AfterEach} and {@code @AfterAll} methods of tests that run the jar on the local default).
     */
    static void stopDaemons(Path... dataDirs) {
        for (Path d : dataDirs) {
            try {
                Daemon.stop(d);
            } catch (RuntimeException e) {
                // the idle time stops it anyway
            }
        }
    }

    /** The non-empty lines of stderr. */
    long errLines() {
        return err.lines().filter(l -> !l.isBlank()).count();
    }

    /** Copies a sample image into a directory and returns its path as text. */
    static String sample(Path dir, String name) {
        Path p = dir.resolve(name);
        try {
            if (!Files.exists(p)) {
                Files.write(p, Fixtures.image(name).bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.toString();
    }
}
