package dev.rekoface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.testkit.fixtures.HostileImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code target/rekoface.jar} on the embedded local stack, given images it cannot decode: the whole
 * stderr of the process (the embedded emulator's logs included) is the backend line and one error line.
 */
class RekofaceJarImageErrorsIT {
    @TempDir
    Path dir;

    private List<String> stderrOf(int expectedCode, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("rekoface.jar", "target/rekoface.jar"));
        assertThat(jar).as("the runnable jar, built by mvn package").exists();
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.home=" + dir.resolve("home"), "-jar", jar.toString(), "--data-dir", dir.resolve("data").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("AWS_ACCESS_KEY_ID");
        pb.environment().remove("AWS_SECRET_ACCESS_KEY");
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished in time: " + cmd).isTrue();
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(expectedCode);
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void detect_pngTheServiceCannotDecode_exitsTwo_withTwoLinesOfStderr() throws Exception {
        Path png = Files.write(dir.resolve("corrupt.png"), HostileImages.pngWithCorruptData(400, 300));
        List<String> err = stderrOf(2, "detect", png.toString());
        assertThat(err).as(String.join("\n", err)).hasSize(2);
        assertThat(err.get(0)).startsWith("rekoface: using the local stack");
        assertThat(err.get(1)).startsWith("rekoface: ").contains("InvalidImageFormatException");
    }

    @Test
    void detect_undecodablePngOfTheIssue_exitsTwo_withOneLine() throws Exception {
        Path png = Files.write(dir.resolve("iend.png"), HostileImages.pngEndingAfterHeader(400, 300));
        List<String> err = stderrOf(2, "detect", png.toString());
        assertThat(err).as(String.join("\n", err)).hasSize(1);
        assertThat(err.get(0)).startsWith("rekoface: ").contains("iend.png").doesNotContain("\tat ");
    }
}
