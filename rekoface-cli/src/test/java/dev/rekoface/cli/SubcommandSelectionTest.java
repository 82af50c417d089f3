package dev.rekoface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Which subcommands {@link RekofaceCli#commandLine(String...)} builds for a run's arguments. */
class SubcommandSelectionTest {
    private static java.util.Set<String> built(String... args) {
        return new RekofaceCli().commandLine(args).getSubcommands().keySet();
    }

    @Test
    void commandLine_namedSubcommand_buildsOnlyIt() {
        assertThat(built("--endpoint", "http://localhost:1", "--json", "detect", "a.png")).containsExactly("detect");
        assertThat(built("--data-dir", "detect", "compare", "a.png", "b.png")).as("an option's value is no command")
            .containsExactly("compare");
        for (String option : new String[] {"--endpoint", "--s3-endpoint", "--bucket", "--region"}) {
            assertThat(built(option, "detect", "-v", "labels", "a.png")).as(option + " takes a value")
                .containsExactly("labels");
        }
        assertThat(built("collection", "create", "c")).containsExactly("collection");
    }

    @Test
    void commandLine_noOrUnknownSubcommand_buildsAllInOrder() {
        String[] all = {"detect", "compare", "labels", "collection", "index", "recognize", "forget", "users", "scan",
            "upload", "presign", "local", "tour"};
        assertThat(built("--help")).containsExactly(all);
        assertThat(built("detec", "a.png")).containsExactly(all);
        assertThat(built()).containsExactly(all);
        assertThat(new RekofaceCli().commandLine().getSubcommands().keySet()).containsExactly(all);
    }

    @Test
    void commandLine_noSubcommand_buildsSummariesOnly() {
        for (String[] args : new String[][] {{"--help"}, {}, {"--version"}, {"--json", "-v"}}) {
            CommandLine.Model.CommandSpec detect = new RekofaceCli().commandLine(args).getSubcommands().get("detect")
                .getCommandSpec();
            assertThat(detect.findOption("--annotate")).as("detect's own options for %s", java.util.Arrays.toString(args))
                .isNull();
            assertThat(detect.userObject() instanceof DetectCommand).as("a DetectCommand instance").isFalse();
        }
        assertThat(new RekofaceCli().commandLine("detec", "a.png").getSubcommands().get("detect").getCommandSpec()
            .findOption("--annotate")).as("an unknown command builds the real ones").isNotNull();
    }

    @Test
    void rootUsage_fromSummaries_sameAsFromFullModels() {
        for (CommandLine.Help.Ansi ansi : CommandLine.Help.Ansi.values()) {
            String full = new RekofaceCli().commandLine().getUsageMessage(ansi);
            String summaries = new RekofaceCli().commandLine("--help").getUsageMessage(ansi);
            assertThat(summaries).as("usage with %s", ansi).isEqualTo(full).contains("detect", "tour", "Exit codes");
        }
    }

    @Test
    void help_run_printsEverySubcommandAndExitsZero() {
        java.io.StringWriter out = new java.io.StringWriter();
        int code;
        try (RekofaceCli cli = new RekofaceCli()) {
            code = cli.commandLine("--help").setOut(new java.io.PrintWriter(out, true)).execute("--help");
        }
        assertThat(code).isZero();
        for (Class<?> c : RekofaceCli.COMMANDS) {
            Command command = c.getAnnotation(Command.class);
            assertThat(out.toString()).contains(command.name() + " ", command.description()[0].substring(0, 20));
        }
    }

    @Test
    void commandLine_onlyTheNamedSubcommand_stillTakesTheRootOptionsAfterIt() {
        String[] args = {"detect", "--endpoint", "http://127.0.0.1:1", "missing.png"};
        java.io.StringWriter err = new java.io.StringWriter();
        int code;
        try (RekofaceCli cli = new RekofaceCli()) {
            code = cli.commandLine(args).setOut(new java.io.PrintWriter(new java.io.StringWriter()))
                .setErr(new java.io.PrintWriter(err, true)).execute(args);
        }
        assertThat(code).as(err.toString()).isEqualTo(RekofaceCli.USAGE);
        assertThat(err.toString()).contains("missing.png").doesNotContain("Unknown option");
    }
}
