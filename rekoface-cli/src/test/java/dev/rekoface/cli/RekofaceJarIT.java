package dev.rekoface.cli;

import static dev.rekoface.cli.CliRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built {@code rekoface-cli/target/rekoface.jar}, run as a user runs it: a fresh data directory, no AWS setup. */
class RekofaceJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @AfterAll
    static void stopDaemons() {
        CliRun.stopDaemons(dir.resolve("home/.rekoface/local"), dir.resolve("d2"), dir.resolve("d3"));
    }

    private static CliRun jar(String... args) throws IOException, InterruptedException {
        return CliRun.jar(dir, args);
    }

    @Test
    void tour_runsEverySeedOnTheLocalDefault() throws Exception {
        CliRun r = jar("tour");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("== seed 004", "== seed 001", "== seed 002", "== seed 003", "== seed 000")
            .contains("tour: 5 of 5 steps passed").doesNotContain("FAILED");
        assertThat(r.err()).contains("rekoface: using the local stack in ").contains("started in the background");
        java.util.regex.Matcher pid = java.util.regex.Pattern.compile("pid (\\d+)").matcher(r.err());
        assertThat(pid.find()).as(r.err()).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false))
            .as("the tour stops its own background stack").isFalse();
    }

    @Test
    void detectAstronaut_json_oneFace_inTheDefaultDataDirectory() throws Exception {
        CliRun r = jar("detect", sample(dir, "astronaut.png"), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).get("faces")).hasSize(1);
        assertThat(dir.resolve("home/.rekoface/local/s3/rekoface-samples")).isDirectory();
    }

    @Test
    void compare_json_oneMatch() throws Exception {
        CliRun r = jar("--data-dir", dir.resolve("d2").toString(), "compare", sample(dir, "obama.jpg"),
            sample(dir, "two_people.jpg"), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("matches")).hasSize(1);
    }

    @Test
    void detectAnnotate_writesAPng() throws Exception {
        Path png = dir.resolve("astronaut-annotated.png");
        CliRun r = jar("--data-dir", dir.resolve("d3").toString(), "detect", sample(dir, "astronaut.png"),
            "--attributes", "ALL", "--annotate", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        byte[] head = Files.readAllBytes(png);
        assertThat(head).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(512);
    }

    @Test
    void badInput_givesExitTwoAndOneLine() throws Exception {
        Path gif = dir.resolve("anim.gif");
        Files.write(gif, "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1));
        for (String[] args : List.of(new String[] {"detect", dir.resolve("missing.jpg").toString()},
            new String[] {"detect", gif.toString()}, new String[] {"detect", "s3://x"})) {
            CliRun r = jar(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().lines().toList()).as("stderr").hasSize(1);
            assertThat(r.err()).startsWith("rekoface: ").doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
    }
}
