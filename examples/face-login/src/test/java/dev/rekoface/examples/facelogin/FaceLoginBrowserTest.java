package dev.rekoface.examples.facelogin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.s3.S3Uri;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium with a fake camera that films a fixture photo: register with obama.jpg, log in
 * with obama2.jpg (welcome), biden.jpg (not recognised), coffee.png (no face), no camera at all, then forget (the
 * snapshots are gone from the bucket and login is refused). One browser per camera image, since the fake camera's
 * file is fixed at launch. Screenshots go to {@code target/face-login-screenshots/}.
 *
 * <p>Uses the system's {@code chromium} and {@code chromedriver} ({@code CHROME_BINARY}/{@code CHROMEDRIVER} to
 * override), never a downloaded one. Outside CI it is skipped when they are missing; with {@code CI=true} it fails.
 */
class FaceLoginBrowserTest extends FaceLoginTestSupport {
    private static final Path SHOTS = Path.of("target", "face-login-screenshots");
    private static final Path VIDEOS = Path.of("target", "face-login-camera");
    private static final Duration CAMERA_WAIT = Duration.ofSeconds(60);
    private static final Duration OUTCOME_WAIT = Duration.ofSeconds(120);
    private static final String ID = "Barack Obama <b.obama@example.com> ñ";

    private static File chromium;
    private static File chromedriver;

    /** Finds the browser; outside CI, skips the test (counted as skipped, with the reason printed) when it is missing. */
    private static void findBrowser() {
        chromium = new File(System.getenv().getOrDefault("CHROME_BINARY", "/usr/bin/chromium"));
        chromedriver = new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            String message = "Chromium and its driver are needed at " + chromium + " and " + chromedriver
                + " (install them with .ci/install-browser, or apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            System.err.println("FaceLoginBrowserTest skipped: " + message);
            Assumptions.abort("Skipped: " + message);
        }
    }

    @Test
    void faceLogin_inARealBrowser_registersWelcomesRefusesAndForgets() throws IOException {
        findBrowser();
        Files.createDirectories(SHOTS);
        try (Page page = open("obama.jpg")) {
            page.typeId(ID);
            page.click("register", "registered", "01-register-obama");
            assertThat(page.message()).contains("Registered as " + ID);
        }
        assertThat(faces()).singleElement().satisfies(f -> assertThat(f.personId()).contains(ID));
        S3Uri personSnapshots = S3Uri.parse("s3://" + properties.getBucket() + "/" + FaceLoginService.prefix(ID));
        assertThat(s3.list(personSnapshots).toList()).as("the snapshot kept in S3").hasSize(1);

        try (Page page = open("obama2.jpg")) {
            page.click("login", "welcome", "02-login-obama2-welcome");
            assertThat(page.message()).startsWith("Welcome, " + ID + "!").containsPattern("similarity 9\\d\\.\\d %");
        }
        try (Page page = open("biden.jpg")) {
            page.click("login", "not-recognised", "03-login-biden-not-recognised");
            assertThat(page.message()).contains("Not recognised");
        }
        try (Page page = open("coffee.png")) {
            page.click("login", "no-face", "04-login-coffee-no-face");
            assertThat(page.message()).contains("No face in the snapshot");
        }
        try (Page page = open(null)) {
            page.waitForOutcome("camera-error", 0, "05-no-camera");
            assertThat(page.message()).contains("camera");
        }
        try (Page page = open("obama2.jpg")) {
            page.typeId(ID);
            page.click("forget", "forgotten", "06-forget");
            assertThat(page.message()).contains("1 face(s) and 1 snapshot(s) erased");
            assertThat(s3.list(personSnapshots).toList()).as("snapshots after forget").isEmpty();
            assertThat(faces()).as("faces after forget").isEmpty();

            page.click("login", "not-recognised", "07-login-after-forget-refused");
            assertThat(page.message()).contains("Not recognised");
        }
    }

    /** Opens the page in a new browser whose camera films a fixture (null: no camera at all). */
    private Page open(String fixture) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=900,1100", "--no-first-run", "--no-default-browser-check", "--use-fake-ui-for-media-stream");
        if (fixture != null) {
            Path video = Y4mVideo.write(Fixtures.image(fixture).bytes(), 720, 3,
                VIDEOS.resolve(fixture.replaceAll("\\W", "_") + ".y4m"));
            options.addArguments("--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath());
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
            .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw new AssertionError("Chromium did not start (" + chromium + ", " + chromedriver + "): " + e, e);
        }
        Page page = new Page(driver, service);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.get("http://localhost:" + port + "/");
            if (fixture != null) {
                new WebDriverWait(driver, CAMERA_WAIT).until(d ->
                    "ready".equals(d.findElement(By.id("camera-status")).getDomAttribute("data-state")));
            }
            return page;
        } catch (RuntimeException e) {
            page.close();
            throw e;
        }
    }

    /** One browser on the page. */
    private static final class Page implements AutoCloseable {
        private final WebDriver driver;
        private final ChromeDriverService service;

        Page(WebDriver driver, ChromeDriverService service) {
            this.driver = driver;
            this.service = service;
        }

        void typeId(String id) {
            WebElement input = driver.findElement(By.id("user-id"));
            input.clear();
            input.sendKeys(id);
        }

        /** Clicks a button and waits for the next outcome, which must be the expected one. */
        void click(String button, String expected, String screenshot) {
            int seq = Integer.parseInt(driver.findElement(By.id("outcome")).getDomAttribute("data-seq"));
            driver.findElement(By.id(button)).click();
            waitForOutcome(expected, seq, screenshot);
        }

        void waitForOutcome(String expected, int previousSeq, String screenshot) {
            try {
                new WebDriverWait(driver, OUTCOME_WAIT).until(d -> {
                    WebElement outcome = d.findElement(By.id("outcome"));
                    return Integer.parseInt(outcome.getDomAttribute("data-seq")) > previousSeq
                        && !"working".equals(outcome.getDomAttribute("data-outcome"));
                });
            } finally {
                shoot(screenshot);
            }
            assertThat(driver.findElement(By.id("outcome")).getDomAttribute("data-outcome"))
                .as("outcome (message: %s)", message()).isEqualTo(expected);
        }

        String message() {
            return driver.findElement(By.id("outcome-message")).getText();
        }

        private void shoot(String name) {
            try {
                byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
                Files.write(SHOTS.resolve(name + ".png"), png);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            List<RuntimeException> failures = new ArrayList<>();
            try {
                driver.quit();
            } catch (RuntimeException e) {
                failures.add(e);
            }
            service.stop();
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        }
    }
}
