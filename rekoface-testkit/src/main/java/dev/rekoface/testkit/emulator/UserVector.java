package dev.rekoface.testkit.emulator;

import dev.rekoface.testkit.faces.SourceFace;
import java.util.List;

/**
 * How similar faces are to a user, the emulator's model of Rekognition's user vectors (SearchUsers,
 * SearchUsersByImage, AssociateFaces' {@code UserMatchThreshold}).
 *
 * <p>Each pair of a probe face and an associated face is compared as faces are ({@link FaceLookup#similarity}, the
 * scale of SearchFaces), and the pairs pool their evidence around the service's default threshold, 80: in log-odds,
 * {@code logit(user) = logit(0.8) + m * (mean(logit(s_i / 100)) - logit(0.8))} with {@code m = n / (1 + (n - 1) * 0.1)}
 * the effective number of the {@code n} pairs (faces of one person are not independent evidence: {@code m} is 1.8 for
 * two faces, 2.5 for three, at most 10). For the face engine, whose similarity is a logistic curve of the descriptor
 * distance, that is a user distance of {@code d80 + m * (mean(d_i) - d80)}, {@code d80} being the distance that maps to
 * 80 %. So:
 * <ul>
 *   <li>a user with one face scores exactly like that face;</li>
 *   <li>the user matches at 80 exactly when its faces do on average (in log-odds): pooling changes how sure the
 *       answer is, never which side of 80 it falls on;</li>
 *   <li>a new photo of the person, above 80 with the associated faces, scores higher against the user than against
 *       the average face, and with a few agreeing faces higher than against the best single face (the faces' errors
 *       average out, which is what the service's user vectors are for);</li>
 *   <li>a different person, under 80 with the faces, scores lower against the user: it never rises with them.</li>
 * </ul>
 * It works on scores, so it is the same for every face source: catalogue identities (93-99.9 % for the same
 * identity, 1-29 % otherwise), engine descriptors and simulated faces. Stateless.
 */
final class UserVector {
    /** Probabilities are kept this far from 0 and 1, so that a similarity of 0 or 100 has finite log-odds. */
    private static final double EPSILON = 1e-6;
    /** The service's default threshold, in log-odds: the point the pooled evidence moves away from. */
    private static final double CENTRE = Math.log(0.8 / 0.2);
    /** How much the evidence of two faces of one user overlaps (0: independent, 1: the same). */
    private static final double OVERLAP = 0.1;

    private UserVector() {
    }

    /**
     * Returns how similar probe faces are to a user's faces, in percent.
     *
     * @param lookup compares two faces
     * @param probes the faces searched with (one face, or the faces of a user searched by {@code UserId})
     * @param faces the user's associated faces
     * @return the similarity 0-100; 0 when either list is empty
     */
    static double similarity(FaceLookup lookup, List<SourceFace> probes, List<SourceFace> faces) {
        if (probes.isEmpty() || faces.isEmpty()) {
            return 0;
        }
        if (probes.size() == 1 && faces.size() == 1) {
            return lookup.similarity(probes.get(0), faces.get(0));
        }
        double sum = 0;
        int n = 0;
        for (SourceFace p : probes) {
            for (SourceFace f : faces) {
                sum += logit(lookup.similarity(p, f) / 100.0);
                n++;
            }
        }
        double effective = n / (1 + (n - 1) * OVERLAP);
        double pooled = CENTRE + effective * (sum / n - CENTRE);
        return 100.0 / (1 + Math.exp(-pooled));
    }

    private static double logit(double p) {
        double q = Math.max(EPSILON, Math.min(1 - EPSILON, p));
        return Math.log(q / (1 - q));
    }
}
