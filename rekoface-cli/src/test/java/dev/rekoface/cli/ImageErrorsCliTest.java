package dev.rekoface.cli;

import static dev.rekoface.cli.CliRun.run;
import static dev.rekoface.cli.CliRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.Operation;
import dev.rekoface.testkit.fixtures.HostileImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images that cannot be decoded and decompression bombs on the command line: bad input, so exit 2 with one line on
 * stderr and no stack trace (without {@code --verbose}), never a service error after retries.
 */
class ImageErrorsCliTest {
    @TempDir
    static Path dir;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(dir.resolve("stack"));
        assertThat(cli("collection", "create", "image-errors").code()).isZero();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static CliRun cli(String... args) {
        return run(stack, args);
    }

    private static String file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes).toString();
    }

    /** The error lines: stderr without the line that names the backend. */
    private static List<String> errorLines(CliRun r) {
        return r.err().lines().filter(l -> !l.isBlank() && !l.startsWith("rekoface: using ")).toList();
    }

    private static void assertOneLineExitTwo(CliRun r, String what) {
        assertThat(r.code()).as(what + ": " + r.err()).isEqualTo(2);
        assertThat(errorLines(r)).as(what).hasSize(1);
        assertThat(r.err()).as(what).doesNotContain("\tat ").doesNotContain("InternalServerError");
        assertThat(r.out()).as(what).isEmpty();
    }

    @Test
    void imageCommands_undecodablePngsOfTheIssue_exitTwoWithOneLine_beforeAnyCall() throws IOException {
        Map<String, String> pngs = new LinkedHashMap<>();
        pngs.put("iend-after-ihdr.png", file("iend-after-ihdr.png", HostileImages.pngEndingAfterHeader(400, 300)));
        pngs.put("tiny-20000.png", file("tiny-20000.png", HostileImages.pngWithTinyData(20000, 20000)));
        pngs.put("not-zlib.png", file("not-zlib.png", HostileImages.pngWithNonZlibData(400, 300)));
        pngs.put("tiny-65535.png", file("tiny-65535.png", HostileImages.pngWithTinyData(65535, 65535)));
        String obama = sample(dir, "obama.jpg");
        long before = stack.emulator().counters().totalRequests();
        for (Map.Entry<String, String> png : pngs.entrySet()) {
            String path = png.getValue();
            for (String[] command : List.of(new String[] {"detect", path}, new String[] {"compare", obama, path},
                new String[] {"index", path, "--collection", "image-errors", "--external-id", "x"},
                new String[] {"recognize", path, "--collection", "image-errors"})) {
                CliRun r = cli(command);
                assertOneLineExitTwo(r, command[0] + " " + png.getKey());
                assertThat(r.err()).contains(png.getKey());
            }
        }
        assertThat(stack.emulator().counters().totalRequests()).as("Rekognition calls for images refused locally")
            .isEqualTo(before);
    }

    @Test
    void detect_20000SquareBomb_exitsTwoNamingItsSize_beforeAnyCall() throws IOException {
        String bomb = file("bomb.png", HostileImages.blackPng(20000, 20000));
        long before = stack.emulator().counters().totalRequests();
        CliRun r = cli("detect", bomb);
        assertOneLineExitTwo(r, "detect bomb.png");
        assertThat(r.err()).contains("20000x20000").contains("10000 px");
        assertThat(stack.emulator().counters().totalRequests()).isEqualTo(before);
    }

    @Test
    void detect_pngWhosePixelDataTheServiceCannotInflate_exitsTwoWithTheServiceError_afterOneAttempt() throws IOException {
        // passes the client's checks (a zlib header, enough data), so only the service can tell
        String corrupt = file("corrupt.png", HostileImages.pngWithCorruptData(400, 300));
        long before = stack.emulator().counters().requests(Operation.DETECT_FACES);
        CliRun r = cli("detect", corrupt);
        assertOneLineExitTwo(r, "detect corrupt.png");
        assertThat(r.err()).contains("InvalidImageFormatException");
        assertThat(stack.emulator().counters().requests(Operation.DETECT_FACES) - before).as("attempts").isEqualTo(1);
        CliRun verbose = cli("detect", corrupt, "--verbose");
        assertThat(verbose.code()).isEqualTo(2);
        assertThat(verbose.err()).contains("\tat ");
    }
}
