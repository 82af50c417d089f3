package dev.rekoface.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rekoface local}: the local stack in the foreground, for other programs and SDKs to talk to; and
 * {@code local start|status|stop} for the background one that commands on the local default share.
 */
@Command(name = "local", mixinStandardHelpOptions = true, sortOptions = false,
    subcommands = {LocalCommand.Start.class, LocalCommand.Status.class, LocalCommand.Stop.class},
    description = {"Run the local stack in the foreground: a Rekognition emulator (with the local face engine) and an "
        + "S3 server holding the rekoface-samples bucket. Any AWS SDK or the AWS CLI can use them. Ctrl-C stops it.",
        "Commands on the local default use the same stack in a background process instead, started by the first and "
            + "shared by all until it has been idle for --idle-timeout: `local status` shows it, `local stop` stops it, "
            + "`local start` starts it (and prints its endpoints for other programs)."})
final class LocalCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "4599",
        description = "The Rekognition port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--s3-port", paramLabel = "PORT", defaultValue = "4598",
        description = "The S3 port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int s3Port;

    @Option(names = "--no-engine", description = "Give unknown photos a simulated face instead of running the face engine.")
    boolean noEngine;

    @Override
    int execute() throws InterruptedException {
        Optional<DaemonState> daemon = Daemon.running(root().dataDir);
        if (daemon.isPresent()) {
            throw new Daemon.DaemonException("the local stack of " + root().dataDir + " already runs in the background "
                + "(pid " + daemon.get().pid() + ", Rekognition " + daemon.get().rekognition() + ", S3 " + daemon.get().s3()
                + "): use those endpoints, or `rekoface local stop` first to run it in the foreground");
        }
        LocalStack stack = LocalStack.start(root().dataDir, port, s3Port, !noEngine);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "rekoface-local-stop"));
        String reko = stack.rekognitionEndpoint().toString();
        String s3 = stack.s3Endpoint().toString();
        if (json()) {
            printJson(Render.object().put("rekognition", reko).put("s3", s3).put("bucket", LocalStack.SAMPLES_BUCKET)
                .put("dataDir", stack.dataDir().toString()));
        } else {
            out().println("Rekognition: " + reko);
            out().println("S3:          " + s3 + "  (bucket " + LocalStack.SAMPLES_BUCKET + ", path-style)");
            out().println("data:        " + stack.dataDir());
            out().println("try:         rekoface --endpoint " + reko + " --s3-endpoint " + s3
                + " detect s3://" + LocalStack.SAMPLES_BUCKET + "/astronaut.png");
            out().println("             aws rekognition list-collections --endpoint-url " + reko + " --region us-east-1");
            out().println("Ctrl-C stops.");
        }
        out().flush();
        stopped.await();
        return RekofaceCli.OK;
    }

    /** Prints a background stack's state: running or not, pid, endpoints, idle time left, data directory, log. */
    static void printState(BaseCommand c, Path dataDir, Optional<DaemonState> state, String verb) {
        Path dir = dataDir.toAbsolutePath();
        String log = dir.resolve(DaemonState.LOG).toString();
        if (state.isEmpty()) {
            if (c.json()) {
                c.printJson(Render.object().put("running", false).put("dataDir", dir.toString()).put("log", log));
            } else {
                c.out().println("the local stack is not running in the background for " + dir);
            }
            return;
        }
        DaemonState s = state.get();
        long left = Math.max(0, s.idleDeadline() - System.currentTimeMillis());
        if (c.json()) {
            c.printJson(Render.object().put("running", true).put("pid", s.pid()).put("rekognition",
                s.rekognition().toString()).put("s3", s.s3().toString()).put("bucket", LocalStack.SAMPLES_BUCKET)
                .put("started", Instant.ofEpochMilli(s.started()).toString())
                .put("idleTimeout", Durations.format(s.idleTimeout())).put("idleSecondsLeft", left / 1000)
                .put("dataDir", dir.toString()).put("log", log));
            return;
        }
        c.out().println(verb + ": pid " + s.pid() + ", since " + Instant.ofEpochMilli(s.started()));
        c.out().println("Rekognition: " + s.rekognition());
        c.out().println("S3:          " + s.s3() + "  (bucket " + LocalStack.SAMPLES_BUCKET + ", path-style)");
        c.out().println("idle stop:   in " + human(Duration.ofMillis(left)) + " unless a request comes (after "
            + Durations.format(s.idleTimeout()) + " without requests)");
        c.out().println("data:        " + dir);
        c.out().println("log:         " + log);
    }

    /** A duration as hours, minutes and seconds, e.g. {@code 2h 59m 58s}. */
    static String human(Duration d) {
        long s = d.toSeconds();
        return (s >= 3600 ? s / 3600 + "h " : "") + (s >= 60 ? s % 3600 / 60 + "m " : "") + s % 60 + "s";
    }

    /** {@code rekoface local start}: starts the background stack if it is not running, and prints its state. */
    @Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start the background local stack of the data directory unless it runs, and print its endpoints.")
    static final class Start extends BaseCommand {
        @Override
        int execute() {
            Daemon.Found found = Daemon.ensure(root().dataDir, Daemon.idleTimeout(root().idleTimeout));
            printState(this, root().dataDir, Optional.of(found.state()), found.started() ? "started" : "running");
            return RekofaceCli.OK;
        }
    }

    /** {@code rekoface local status}: whether the background stack runs, and its endpoints and idle time left. */
    @Command(name = "status", mixinStandardHelpOptions = true,
        description = "Say whether the background local stack of the data directory runs: pid, endpoints, idle time "
            + "left, data directory and log. Starts nothing.")
    static final class Status extends BaseCommand {
        @Override
        int execute() {
            printState(this, root().dataDir, Daemon.running(root().dataDir), "running");
            return RekofaceCli.OK;
        }
    }

    /** {@code rekoface local stop}: stops the background stack and waits until its process is gone. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the background local stack of the data directory (gracefully) and wait until it is gone.")
    static final class Stop extends BaseCommand {
        @Override
        int execute() {
            Path dir = root().dataDir.toAbsolutePath();
            Optional<DaemonState> stopped = Daemon.stop(dir);
            if (json()) {
                printJson(Render.object().put("stopped", stopped.isPresent()).put("pid", stopped.map(DaemonState::pid)
                    .orElse(null)).put("dataDir", dir.toString()));
            } else {
                out().println(stopped.map(s -> "stopped the local stack (pid " + s.pid() + ") of " + dir)
                    .orElse("the local stack is not running in the background for " + dir));
            }
            return RekofaceCli.OK;
        }
    }
}
