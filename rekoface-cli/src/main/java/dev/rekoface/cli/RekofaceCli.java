package dev.rekoface.cli;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.InvalidImageException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import software.amazon.awssdk.regions.Region;

/**
 * The {@code rekoface} command line: face analysis from a terminal, on an embedded local stack by default, on a
 * running emulator ({@code --endpoint}) or on AWS ({@code --aws}).
 *
 * <p>Exit codes: {@value #OK} success, {@value #FAILED} a service or runtime error (a missing collection, a throttle
 * that outlived its retries), {@value #USAGE} bad usage or bad input (a GIF, a missing file, a malformed
 * {@code s3://} URI, a threshold on the 0-1 scale). Errors are one line on stderr; {@code --verbose} adds the stack
 * trace.
 */
@Command(name = "rekoface", mixinStandardHelpOptions = true, version = "rekoface 0.1.0-SNAPSHOT",
    scope = ScopeType.INHERIT, sortOptions = false, usageHelpAutoWidth = true,
    description = "Face analysis on Amazon Rekognition, or on a local Rekognition when no AWS account is configured.",
    footer = {"", "Backends: the local stack (default; state in --data-dir; run by a background process that the first "
        + "command starts and later commands share, stopped after --idle-timeout without requests or by `rekoface "
        + "local stop`; --no-daemon runs it inside the command), a running emulator or other "
        + "Rekognition-compatible endpoint (--endpoint), or AWS with the default credential and region chains (--aws).",
        "Exit codes: 0 success, 1 service or runtime error, 2 bad usage or bad input."})
public final class RekofaceCli implements Runnable, AutoCloseable {
    /** The subcommands, in the order of the usage help (added in {@link #commandLine(String...)}). */
    static final List<Class<?>> COMMANDS = List.of(DetectCommand.class, CompareCommand.class, LabelsCommand.class,
        CollectionCommand.class, IndexCommand.class, RecognizeCommand.class, ForgetCommand.class, UsersCommand.class,
        ScanCommand.class, UploadCommand.class, PresignCommand.class, LocalCommand.class, TourCommand.class);

    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: a service or runtime error. */
    public static final int FAILED = 1;
    /** Exit code: bad usage or bad input. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
        description = "Where the local stack keeps its collections and objects (default: ${DEFAULT-VALUE}).")
    Path dataDir = Env.DEFAULT_DATA_DIR;

    @Option(names = "--no-daemon", scope = ScopeType.INHERIT,
        description = "Run the local stack inside this command (stopped when it ends) instead of in the shared "
            + "background process.")
    boolean noDaemon;

    @Option(names = "--idle-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
        description = "How long a background local stack started by this command stays up without requests, e.g. 30m "
            + "or 3h (default: $" + Daemon.IDLE_ENV + " or 3h).")
    String idleTimeout;

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
        description = "Use a running Rekognition-compatible endpoint (e.g. `rekoface local` or the emulator jar).")
    URI endpoint;

    @Option(names = "--s3-endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
        description = "With --endpoint: the S3 endpoint for s3:// images.")
    URI s3Endpoint;

    @Option(names = "--aws", scope = ScopeType.INHERIT,
        description = "Use AWS (default credential and region chains); never falls back to the local stack.")
    boolean aws;

    @Option(names = "--bucket", scope = ScopeType.INHERIT, paramLabel = "BUCKET",
        description = "With --aws or --endpoint: a bucket holding the sample photos, for the tour's S3 stories.")
    String bucket;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION", description = "With --aws: the region.")
    String region;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON instead of tables.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
        description = "Log what happens and print stack traces of errors.")
    boolean verbose;

    private Env env;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-v")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        int code;
        try (RekofaceCli cli = new RekofaceCli()) {
            code = cli.commandLine(args).execute(args);
        }
        System.exit(code);
    }

    /**
     * Returns a picocli command line for this command, with rekoface's error handling: one line on stderr, exit
     * {@value #USAGE} for bad usage or input and {@value #FAILED} for other failures. Close this object afterwards to
     * stop an embedded local stack a command started.
     *
     * @return the command line
     */
    public CommandLine commandLine() {
        return commandLine((String[]) null);
    }

    /**
     * Like {@link #commandLine()}, but for one run with these arguments: when they name a subcommand, only that one is
     * built (a short-lived command does not pay for the model of the twelve others); when they name none (the root's
     * usage, {@code --help}, {@code --version}), each subcommand is only its name and description, which is all the
     * root's usage lists; when they name an unknown one, all are built.
     *
     * @param runArgs the arguments the command line will run with, or null for every subcommand
     * @return the command line
     */
    CommandLine commandLine(String... runArgs) {
        CommandLine cl = new CommandLine(this);
        String only = runArgs == null ? null : subcommandName(runArgs, cl.getCommandSpec());
        boolean summaries = runArgs != null && only == null;
        for (Class<?> c : COMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (summaries) {
                cl.addSubcommand(command.name(), summary(command));
            } else if (only == null || only.equals(command.name())) {
                cl.addSubcommand(command.name(), c);
            }
        }
        if (only != null && cl.getSubcommands().isEmpty()) {
            return commandLine((String[]) null);
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            err.println("rekoface: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            }
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            PrintWriter err = c.getErr();
            err.println("rekoface: " + oneLine(ex));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return exitCode(ex);
        });
        return cl;
    }

    /**
     * A subcommand as the root's usage shows it, from its annotation alone: building its whole model (options, mixins,
     * nested subcommands) is most of the start-up time of {@code rekoface --help}. {@code SubcommandSelectionTest} checks
     * that the usage is the same either way.
     */
    private static CommandLine.Model.CommandSpec summary(Command command) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(command.name())
            .aliases(command.aliases());
        spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return spec;
    }

    /** The first argument that is neither an option nor a root option's value: the subcommand's name, or null. */
    private static String subcommandName(String[] args, CommandLine.Model.CommandSpec root) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            CommandLine.Model.OptionSpec option = a.startsWith("-") ? root.findOption(a) : null;
            if (option != null && option.arity().max() > 0) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /**
     * The exit code for an error.
     *
     * @param e the error
     * @return {@value #USAGE} for bad input, {@value #FAILED} otherwise
     */
    static int exitCode(Throwable e) {
        if (e instanceof InvalidImageException || e instanceof InvalidArgumentException
            || e instanceof CommandLine.ParameterException || e instanceof IllegalArgumentException) {
            return USAGE;
        }
        return FAILED;
    }

    /** One line saying what went wrong. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        if (e.getCause() instanceof java.net.ConnectException) {
            m += " (is the endpoint running?)";
        }
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Returns the environment the options chose, starting it on first use and saying once on stderr which backend
     * is in use.
     *
     * @param err where to say it
     * @return the environment
     */
    Env env(PrintWriter err) {
        if (env == null) {
            if (aws && endpoint != null) {
                throw new InvalidArgumentException("--aws", "--aws and --endpoint " + endpoint + " exclude each other");
            }
            if (s3Endpoint != null && endpoint == null) {
                throw new InvalidArgumentException("--s3-endpoint", "--s3-endpoint " + s3Endpoint
                    + " goes with --endpoint (the local stack and AWS bring their own S3)");
            }
            if (region != null && !aws) {
                throw new InvalidArgumentException("--region", "--region " + region + " goes with --aws (the local stack"
                    + " and --endpoint use us-east-1)");
            }
            if (aws) {
                env = Env.aws(region == null ? null : Region.of(region.toLowerCase(Locale.ROOT)), bucket);
            } else if (endpoint != null) {
                env = Env.endpoint(endpoint, s3Endpoint, bucket);
            } else if (noDaemon) {
                env = Env.local(dataDir);
            } else {
                env = Env.daemon(dataDir, Daemon.idleTimeout(idleTimeout));
            }
            err.println("rekoface: using " + env.description());
            err.flush();
        }
        return env;
    }

    /** Returns whether JSON output was asked for. */
    boolean json() {
        return json;
    }

    /** Returns whether verbose output was asked for. */
    boolean verbose() {
        return verbose;
    }

    /** Stops an embedded local stack a command started, and closes the clients. */
    @Override
    public void close() {
        if (env != null) {
            env.close();
            env = null;
        }
    }
}
