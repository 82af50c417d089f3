package dev.rekoface.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The training run of the {@code rekoface} launcher's class-data-sharing archive: runs {@code --help} and
 * {@code detect} (table and JSON, a PNG and a JPEG) against a canned DetectFaces answer on a loopback port, so that
 * the archive made at its exit ({@code -XX:ArchiveClassesAtExit}) holds the classes of a one-shot command against an
 * endpoint; and {@code detect} on the local default, finding its background stack through a state file that names
 * this process and the canned endpoint. Prints nothing; exits 0 when every command succeeded.
 */
final class CdsTraining {
    private static final String ANSWER = "{\"FaceDetails\":[{\"BoundingBox\":{\"Width\":0.3,\"Height\":0.4,"
        + "\"Left\":0.3,\"Top\":0.1},\"Confidence\":99.9,\"Pose\":{\"Roll\":1.0,\"Yaw\":2.0,\"Pitch\":3.0},"
        + "\"Quality\":{\"Brightness\":80.0,\"Sharpness\":90.0},\"Landmarks\":[{\"Type\":\"eyeLeft\",\"X\":0.4,"
        + "\"Y\":0.2}]}]}";

    private CdsTraining() {
    }

    /**
     * Runs the training commands.
     *
     * @param args none
     * @throws IOException if a sample image cannot be written to a temporary file or the port cannot be opened
     */
    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "cds-training");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path dir = Files.createTempDirectory("rekoface-cds");
        Path data = dir.resolve("data");
        int failed = 0;
        try {
            String endpoint = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
            // a background stack as Daemon finds one: this process (its command line carries the nonce, its class's
            // name), answering the health check on the endpoint
            ProcessHandle self = ProcessHandle.current();
            long now = System.currentTimeMillis();
            new DaemonState(self.pid(), self.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L),
                CdsTraining.class.getName(), java.net.URI.create(endpoint), java.net.URI.create(endpoint), DaemonState.codeStamp(),
                now, now, java.time.Duration.ofHours(1)).write(Private.directory(data));
            failed += run("--help");
            for (String name : new String[] {"plain-blue.png", "Werner2.jpeg"}) {
                Path image = dir.resolve(name);
                try (InputStream in = CdsTraining.class.getResourceAsStream("/" + dev.rekoface.testkit.fixtures.Fixtures.ROOT + "images/" + name)) {
                    if (in == null) {
                        continue;
                    }
                    Files.copy(in, image, StandardCopyOption.REPLACE_EXISTING);
                }
                failed += run("--endpoint", endpoint, "detect", image.toString());
                failed += run("--endpoint", endpoint, "detect", "--json", image.toString());
                failed += run("--data-dir", data.toString(), "detect", image.toString());
                Files.delete(image);
            }
        } finally {
            server.stop(0);
            for (String name : new String[] {DaemonState.FILE, DaemonState.START_LOCK}) {
                Files.deleteIfExists(data.resolve(name));
            }
            Files.deleteIfExists(data);
            Files.deleteIfExists(dir);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private static int run(String... args) {
        try (RekofaceCli cli = new RekofaceCli()) {
            StringWriter sink = new StringWriter();
            return cli.commandLine().setOut(new PrintWriter(sink)).setErr(new PrintWriter(sink)).execute(args) == 0 ? 0 : 1;
        }
    }
}
