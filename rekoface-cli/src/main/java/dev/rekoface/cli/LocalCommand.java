package dev.rekoface.cli;

import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rekoface local}: the local stack in the foreground, for other programs and SDKs to talk to. */
@Command(name = "local", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the local stack in the foreground: a Rekognition emulator (with the local face engine) and an "
        + "S3 server holding the rekoface-samples bucket. Any AWS SDK or the AWS CLI can use them. Ctrl-C stops it."})
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
            out().println("try:         java -jar rekoface-cli/target/rekoface.jar --endpoint " + reko + " --s3-endpoint " + s3
                + " detect s3://" + LocalStack.SAMPLES_BUCKET + "/astronaut.png");
            out().println("             aws rekognition list-collections --endpoint-url " + reko + " --region us-east-1");
            out().println("Ctrl-C stops.");
        }
        out().flush();
        stopped.await();
        return RekofaceCli.OK;
    }
}
