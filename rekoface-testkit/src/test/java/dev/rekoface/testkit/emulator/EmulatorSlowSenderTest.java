package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that declares a request body and never sends it does not hold the emulator's threads: the connection is
 * closed after the request timeout ({@code rekoface.emulator.requestTimeoutSeconds}), and the server keeps answering.
 * Run in a child JVM because the JDK server reads its timeout once per JVM.
 */
class EmulatorSlowSenderTest {
    @TempDir
    Path tmp;

    @Test
    void request_bodyNeverSent_connectionClosedAfterTimeoutAndServerStillAnswers() throws Exception {
        EmulatorDataDirLockTest.Child child = EmulatorDataDirLockTest.Child.start(tmp,
            List.of("-D" + EmulatorServer.REQUEST_TIMEOUT_PROPERTY + "=2"), "--port", "0", "--no-engine");
        try {
            URI endpoint = child.awaitReady();
            // More stuck clients than the server's minimum of handler threads.
            List<Socket> stuck = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Socket s = new Socket(endpoint.getHost(), endpoint.getPort());
                s.setSoTimeout(30_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: RekognitionService.ListCollections\r\n"
                    + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stuck.add(s);
            }
            long t0 = System.nanoTime();
            for (Socket s : stuck) {
                try (s; InputStream in = s.getInputStream()) {
                    // The server closes the connection (end of stream, or a reset) instead of waiting for ever.
                    int first;
                    try {
                        first = in.read();
                        while (first != -1) {
                            first = in.read();
                        }
                    } catch (java.net.SocketException reset) {
                        first = -1;
                    }
                    assertThat(first).isEqualTo(-1);
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(25));

            HttpResponse<String> ok = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "RekognitionService.ListCollections")
                .header("Content-Type", "application/x-amz-json-1.1")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("CollectionIds");
        } finally {
            child.process().destroyForcibly();
        }
    }
}
