package dev.rekoface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identity with engine descriptors of engine-detected faces. */
class EngineIdentityTest {

    @Test
    void similarity_obamaAndObama2_atLeast80() {
        assertThat(EngineFixtures.descriptor("obama.jpg", 0).similarity(EngineFixtures.descriptor("obama2.jpg", 0)))
            .isGreaterThanOrEqualTo(80);
    }

    @Test
    void similarity_obamaAndBiden_below80() {
        assertThat(EngineFixtures.descriptor("obama.jpg", 0).similarity(EngineFixtures.descriptor("biden.jpg", 0)))
            .isLessThan(80);
    }

    @Test
    void similarity_twoPeoplePhoto_matchesObamaAndBidenToTheirSoloPhotos() {
        String two = "two_people.jpg";
        for (int i = 0; i < 2; i++) {
            String who = EngineFixtures.identityOf(two, EngineFixtures.faces(two).get(i));
            double toObama = FaceEngine.similarity(EngineFixtures.descriptor(two, i), EngineFixtures.descriptor("obama.jpg", 0));
            double toBiden = FaceEngine.similarity(EngineFixtures.descriptor(two, i), EngineFixtures.descriptor("biden.jpg", 0));
            if (who.equals("barack-obama")) {
                assertThat(toObama).isGreaterThanOrEqualTo(80);
                assertThat(toBiden).isLessThan(80);
            } else {
                assertThat(who).isEqualTo("joe-biden");
                assertThat(toBiden).isGreaterThanOrEqualTo(80);
                assertThat(toObama).isLessThan(80);
            }
        }
    }

    @Test
    void similarity_wernerAndSwamiPhotos_pairUpByPerson() {
        List<String> images = List.of("Werner1.jpeg", "Werner2.jpeg", "Werner3.jpeg", "Swami1.jpeg", "Swami2.jpeg",
            "werner-and-swami.jpeg");
        List<FaceDescriptor> descriptors = new ArrayList<>();
        List<String> who = new ArrayList<>();
        int profiles = 0;
        for (String image : images) {
            for (int i = 0; i < EngineFixtures.faces(image).size(); i++) {
                // Werner's near-profile face in werner-and-swami.jpeg (yaw about 70 degrees) is found, but the
                // descriptor network, trained on near-frontal faces, does not match a profile to a frontal photo
                if (image.equals("werner-and-swami.jpeg")
                    && EngineFixtures.identityOf(image, EngineFixtures.faces(image).get(i)).equals("werner-vogels")) {
                    profiles++;
                    continue;
                }
                descriptors.add(EngineFixtures.descriptor(image, i));
                who.add(EngineFixtures.identityOf(image, EngineFixtures.faces(image).get(i)));
            }
        }
        assertThat(profiles).as("Werner's profile").isEqualTo(1);
        assertThat(who).containsOnly("werner-vogels", "swami-sivasubramanian").hasSizeGreaterThanOrEqualTo(6);
        for (int i = 0; i < who.size(); i++) {
            for (int j = i + 1; j < who.size(); j++) {
                double sim = FaceEngine.similarity(descriptors.get(i), descriptors.get(j));
                if (who.get(i).equals(who.get(j))) {
                    assertThat(sim).as("%s %d vs %d", who.get(i), i, j).isGreaterThanOrEqualTo(80);
                } else {
                    assertThat(sim).as("werner %d vs swami %d", i, j).isLessThan(80);
                }
            }
        }
    }

    @Test
    void distance_familyPhotos_samePeoplePairUp() {
        List<String> photos = List.of("family-1128316.jpg", "family-1128317.jpg", "family-1128318.jpg");
        for (int a = 0; a < photos.size(); a++) {
            for (int b = a + 1; b < photos.size(); b++) {
                String pa = photos.get(a);
                String pb = photos.get(b);
                int na = EngineFixtures.faces(pa).size();
                int nb = EngineFixtures.faces(pb).size();
                assertThat(na).isEqualTo(3);
                assertThat(nb).isEqualTo(3);
                // greedy global matching: the closest remaining pair first
                boolean[] usedA = new boolean[na];
                boolean[] usedB = new boolean[nb];
                for (int k = 0; k < 3; k++) {
                    double best = Double.MAX_VALUE;
                    int bi = -1;
                    int bj = -1;
                    for (int i = 0; i < na; i++) {
                        for (int j = 0; j < nb; j++) {
                            if (usedA[i] || usedB[j]) {
                                continue;
                            }
                            double d = EngineFixtures.descriptor(pa, i).distance(EngineFixtures.descriptor(pb, j));
                            if (d < best) {
                                best = d;
                                bi = i;
                                bj = j;
                            }
                        }
                    }
                    usedA[bi] = true;
                    usedB[bj] = true;
                    assertThat(EngineFixtures.identityOf(pb, EngineFixtures.faces(pb).get(bj)))
                        .as("partner in %s of %s's face %d", pb, pa, bi)
                        .isEqualTo(EngineFixtures.identityOf(pa, EngineFixtures.faces(pa).get(bi)));
                }
            }
        }
    }
}
