package dev.rekoface.cli;

import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in-process, as picocli's {@code execute} does, capturing both streams. */
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (RekofaceCli cli = new RekofaceCli()) {
            code = cli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        }
        return new CliRun(code, out.toString(), err.toString());
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
