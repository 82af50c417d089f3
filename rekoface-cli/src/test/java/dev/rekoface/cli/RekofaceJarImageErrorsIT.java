package dev.rekoface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.testkit.fixtures.HostileImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code target/rekoface.jar} on the embedded local stack, given images it cannot decode: the whole
 * stderr of the process (the embedded emulator's logs included) is the backend line and one error line.
 */
class RekofaceJarImageErrorsIT {
    @TempDir
    Path dir;

    @AfterEach
    void stopDaemon() {
        CliRun.stopDaemons(dir.resolve("data"));
    }

    private List<String> stderrOf(int expectedCode, String... args) throws IOException, InterruptedException {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        CliRun r = CliRun.jar(dir, all);
        assertThat(r.code()).as(r.err()).isEqualTo(expectedCode);
        return r.err().lines().filter(l -> !l.isBlank()).toList();
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
