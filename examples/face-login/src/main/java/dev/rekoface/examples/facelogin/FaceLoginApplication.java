package dev.rekoface.examples.facelogin;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Seed 000's face-login web application: a page that takes a webcam snapshot and registers, logs in or forgets a
 * person, and the JSON API it uses ({@link FaceLoginController}).
 *
 * <pre>
 * java -jar examples/face-login/target/face-login.jar                 # embedded local Rekognition + S3
 * java -jar examples/face-login/target/face-login.jar --aws --face-login.bucket=my-snapshots
 * </pre>
 */
@SpringBootApplication
@EnableConfigurationProperties(FaceLoginProperties.class)
public class FaceLoginApplication {

    /**
     * Starts the application; {@code --aws} is short for {@code --rekoface.local=false}.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(FaceLoginApplication.class, translate(args));
    }

    /** Replaces the {@code --aws} flag with the property it stands for. */
    static String[] translate(String[] args) {
        return Arrays.stream(args).map(a -> a.equals("--aws") ? "--" + LocalBackendConfiguration.LOCAL_PROPERTY + "=false" : a)
            .toArray(String[]::new);
    }
}
