package dev.rekoface.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.model.FaceComparison;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Catalogue faces keep their hand-checked geometry and take engine descriptors, so they compare with unseen photos. */
@LocalRekognition(faceEngine = true)
class EngineWithCatalogueTest {

    /** obama.jpg re-encoded at 80 % size: new bytes, so the catalogue does not know it and the engine answers. */
    private static byte[] unseenObama() throws Exception {
        BufferedImage src = ImageIO.read(new ByteArrayInputStream(Fixtures.image("obama.jpg").bytes()));
        BufferedImage out = new BufferedImage(src.getWidth() * 4 / 5, src.getHeight() * 4 / 5, BufferedImage.TYPE_INT_RGB);
        out.createGraphics().drawImage(src, 0, 0, out.getWidth(), out.getHeight(), null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(out, "png", png);
        return png.toByteArray();
    }

    @Test
    void compareFaces_catalogueFaceAgainstUnseenPhoto_usesEngineDescriptors(RekofaceClient reko, RekognitionEmulator emulator)
        throws Exception {
        ImageSource unseen = ImageSource.fromBytes(unseenObama());
        FaceComparison same = reko.compareFaces(ImageSource.fromBytes(Fixtures.image("obama2.jpg").bytes()), unseen);
        assertThat(same.matches()).hasSize(1);
        FaceComparison other = reko.compareFaces(ImageSource.fromBytes(Fixtures.image("biden.jpg").bytes()), unseen);
        assertThat(other.matches()).isEmpty();
        assertThat(other.unmatchedFaces()).hasSize(1);
    }

    @Test
    void detectFaces_catalogueImage_keepsTheCatalogueGeometry(RekofaceClient reko) {
        // his-girl-friday-1940.jpg has 3 catalogue faces; the catalogue answers, not the engine
        assertThat(reko.detectFaces(ImageSource.fromBytes(Fixtures.image("his-girl-friday-1940.jpg").bytes()))).hasSize(3);
        assertThat(reko.detectFaces(ImageSource.fromBytes(Fixtures.image("obama.jpg").bytes())).get(0).boundingBox().left())
            .isEqualTo(catalogueLeftOfObama(), org.assertj.core.api.Assertions.within(1e-4));
    }

    private static double catalogueLeftOfObama() {
        String json = Fixtures.catalogueJson();
        int i = json.indexOf("\"obama.jpg\"");
        int b = json.indexOf("\"left\":", i);
        return Double.parseDouble(json.substring(b + 7, json.indexOf(',', b)).trim());
    }
}
