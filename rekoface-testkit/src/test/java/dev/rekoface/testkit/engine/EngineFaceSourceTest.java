package dev.rekoface.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.testkit.faces.EmulatorImage;
import dev.rekoface.testkit.faces.FaceSource;
import dev.rekoface.testkit.faces.SourceFace;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SPI adapter. */
class EngineFaceSourceTest {
    private final EngineFaceSource source = new EngineFaceSource(EngineFixtures.engine());

    @Test
    void detect_obama_returnsEngineFaceWithGeometryEmotionsAndDescriptorButNoAttributes() {
        EmulatorImage image = EngineFixtures.local("obama.jpg");
        List<SourceFace> faces = source.detect(image, Fixtures.image("obama.jpg").sha256());
        assertThat(faces).hasSize(1);
        SourceFace face = faces.get(0);
        assertThat(face.source()).isEqualTo("engine");
        assertThat(face.identity()).isEmpty();
        assertThat(face.descriptor()).hasValueSatisfying(d -> assertThat(d).hasSize(128));
        FaceDetails d = face.details();
        assertThat(d.confidence().orElseThrow()).isBetween(80.0, 100.0);
        assertThat(d.landmarks()).hasSize(5);
        assertThat(d.pose()).isPresent();
        assertThat(d.quality()).isPresent();
        assertThat(d.imageSize()).isPresent();
        assertThat(d.emotions()).hasSize(8);
        assertThat(d.dominantEmotion().orElseThrow().type()).isEqualTo(dev.rekoface.model.EmotionType.HAPPY);
        assertThat(d.ageRange()).isEmpty();
        assertThat(d.gender()).isEmpty();
        assertThat(d.eyeglasses()).isEmpty();
        assertThat(d.smile()).isEmpty();
        assertThat(face.toString()).doesNotContain(String.valueOf(face.descriptor().orElseThrow()[0]));
    }

    @Test
    void detect_sameShaTwice_servesCachedFaces() {
        EmulatorImage image = EngineFixtures.local("two_people.jpg");
        String sha = Fixtures.image("two_people.jpg").sha256();
        assertThat(source.detect(image, sha)).isSameAs(source.detect(image, sha));
    }

    @Test
    void detect_imageWithoutFace_returnsEmptyListNotNull() {
        assertThat(source.detect(EngineFixtures.local("rocket.jpg"), Fixtures.image("rocket.jpg").sha256())).isEmpty();
    }

    @Test
    void similarity_catalogueFaceDescribedByGeometryAgainstEngineFaces_separatesPeople() {
        FaceSource spi = source;
        assertThat(spi.name()).isEqualTo("engine");
        JsonNode obamaFace = EngineFixtures.catalogueImage("obama.jpg").get("faces").get(0);
        FaceDetails geometry = EngineFixtures.details(obamaFace);
        SourceFace catalogueFace = new SourceFace(geometry, "barack-obama", null, "catalogue")
            .withDescriptor(source.describe(EngineFixtures.local("obama.jpg"), geometry));
        SourceFace obama2 = source.detect(EngineFixtures.local("obama2.jpg"), Fixtures.image("obama2.jpg").sha256()).get(0);
        SourceFace biden = source.detect(EngineFixtures.local("biden.jpg"), Fixtures.image("biden.jpg").sha256()).get(0);
        assertThat(spi.similarity(catalogueFace, obama2).orElseThrow()).isGreaterThanOrEqualTo(80);
        assertThat(spi.similarity(catalogueFace, biden).orElseThrow()).isLessThan(80);
        assertThat(spi.similarity(new SourceFace(geometry, null, null, "catalogue"), biden)).isEmpty();
    }
}
