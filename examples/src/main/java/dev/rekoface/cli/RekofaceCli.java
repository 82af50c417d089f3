package dev.rekoface.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rekoface} command line: face analysis from a terminal. */
@Command(name = "rekoface", mixinStandardHelpOptions = true, version = "rekoface 0.1.0-SNAPSHOT",
    description = "Face analysis on Amazon Rekognition, or on a local Rekognition when no AWS account is configured.")
public final class RekofaceCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new RekofaceCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
