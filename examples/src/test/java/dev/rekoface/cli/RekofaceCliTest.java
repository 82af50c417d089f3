package dev.rekoface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RekofaceCliTest {

    @Test
    void help_printsUsageAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new RekofaceCli()).setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: rekoface").contains("--version");
    }

    @Test
    void unknownOption_exitsTwo() {
        CommandLine cli = new CommandLine(new RekofaceCli()).setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("--no-such-option")).isEqualTo(2);
    }
}
