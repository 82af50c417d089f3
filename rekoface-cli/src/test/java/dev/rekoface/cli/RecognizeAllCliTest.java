package dev.rekoface.cli;

import static dev.rekoface.cli.CliRun.run;
import static dev.rekoface.cli.CliRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rekoface recognize IMAGE --all}: every face of a group photo, as a table, as JSON, and drawn. */
class RecognizeAllCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(dir.resolve("stack"));
        assertThat(run(stack, "collection", "create", "group").code()).isZero();
        CliRun indexed = run(stack, "index", sample(dir, "obama.jpg"), "--collection", "group", "--person", "Barack Obama");
        assertThat(indexed.code()).as(indexed.err()).isZero();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void recognizeAll_table_namesObamaAndBidenIsUnknown() {
        CliRun r = run(stack, "recognize", sample(dir, "two_people.jpg"), "--all", "--collection", "group");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("2 faces in").contains("1 recognized in group")
            .contains("box (WxH+X+Y)").contains("person").contains("similarity").contains("note");
        String[] lines = r.out().split("\\R");
        assertThat(lines).filteredOn(l -> l.contains("Barack Obama")).singleElement().asString().contains("%");
        assertThat(lines).filteredOn(l -> l.contains("unknown")).hasSize(1);
    }

    @Test
    void recognizeAll_json_oneEntryPerFaceWithBoxesAndThePerson() throws IOException {
        CliRun r = run(stack, "recognize", sample(dir, "two_people.jpg"), "--all", "--collection", "group", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        JsonNode faces = doc.get("faces");
        assertThat(faces).hasSize(2);
        JsonNode obama = faces.get(0).get("boundingBox").get("left").asDouble() < faces.get(1).get("boundingBox").get("left").asDouble()
            ? faces.get(0) : faces.get(1);
        JsonNode biden = obama == faces.get(0) ? faces.get(1) : faces.get(0);
        assertThat(obama.get("personId").asString()).isEqualTo("Barack Obama");
        assertThat(obama.get("similarity").asDouble()).isGreaterThanOrEqualTo(80);
        assertThat(obama.get("pixelBox").get("width").asInt()).isBetween(100, 200);
        assertThat(biden.get("recognized").asBoolean()).isFalse();
        assertThat(biden.has("personId")).isFalse();
        assertThat(biden.has("unsearched")).as("Biden was searched, and is unknown").isFalse();
    }

    @Test
    void recognizeAll_photoWithoutFace_isZeroFaces() throws IOException {
        CliRun r = run(stack, "recognize", sample(dir, "coffee.png"), "--all", "--collection", "group", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).get("faces")).isEmpty();
    }

    @Test
    void recognizeAll_annotate_writesAPngWithEachFacesBox() throws IOException {
        Path png = dir.resolve("who.png");
        CliRun r = run(stack, "recognize", sample(dir, "two_people.jpg"), "--all", "-c", "group", "--annotate", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("annotated copy: " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        BufferedImage original = ImageIO.read(Path.of(sample(dir, "two_people.jpg")).toFile());
        assertThat(image.getWidth()).isEqualTo(original.getWidth());
        // both halves of the photo (Obama left, Biden right) have a box drawn on them
        assertThat(changed(image, original, 0, image.getWidth() / 2)).isGreaterThan(100);
        assertThat(changed(image, original, image.getWidth() / 2, image.getWidth())).isGreaterThan(100);
    }

    @Test
    void recognize_annotateWithoutAll_isRefused() {
        CliRun r = run(stack, "recognize", sample(dir, "two_people.jpg"), "-c", "group", "--annotate",
            dir.resolve("x.png").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(RekofaceCli.USAGE);
        assertThat(r.err()).contains("--annotate needs --all");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    private static int changed(BufferedImage a, BufferedImage b, int x0, int x1) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = x0; x < x1; x += 2) {
                if (Math.abs((a.getRGB(x, y) & 0xff00) - (b.getRGB(x, y) & 0xff00)) > 0x4000) {
                    n++;
                }
            }
        }
        return n;
    }
}
