package dev.rekoface.cli;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.model.BooleanAttribute;
import dev.rekoface.model.BoundingBox;
import dev.rekoface.model.Emotion;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.model.Label;
import dev.rekoface.model.Landmark;
import dev.rekoface.model.PixelBox;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns rekoface's models into the command line's JSON documents and text tables. */
final class Render {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Render() {
    }

    static ObjectNode object() {
        return F.objectNode();
    }

    static ArrayNode array() {
        return F.arrayNode();
    }

    /** Rounds to two decimals, as the service reports them. */
    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static ObjectNode box(BoundingBox b) {
        return object().put("left", round4(b.left())).put("top", round4(b.top())).put("width", round4(b.width()))
            .put("height", round4(b.height()));
    }

    private static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    static ObjectNode pixels(PixelBox p) {
        int[] r = p.rounded();
        return object().put("left", r[0]).put("top", r[1]).put("width", r[2]).put("height", r[3]);
    }

    private static ObjectNode bool(BooleanAttribute a) {
        return object().put("value", a.value()).put("confidence", round(a.confidence()));
    }

    /** A face as JSON: ratio box, pixel box when the image size is known, and every attribute present. */
    static ObjectNode face(FaceDetails f) {
        ObjectNode n = object();
        n.set("boundingBox", box(f.boundingBox()));
        f.pixelBox().ifPresent(p -> n.set("pixelBox", pixels(p)));
        f.confidence().ifPresent(c -> n.put("confidence", round(c)));
        f.ageRange().ifPresent(a -> n.set("ageRange", object().put("low", a.low()).put("high", a.high())));
        f.gender().ifPresent(g -> n.set("gender", object().put("value", g.rawValue()).put("confidence", round(g.confidence()))));
        f.smile().ifPresent(a -> n.set("smile", bool(a)));
        f.eyeglasses().ifPresent(a -> n.set("eyeglasses", bool(a)));
        f.sunglasses().ifPresent(a -> n.set("sunglasses", bool(a)));
        f.beard().ifPresent(a -> n.set("beard", bool(a)));
        f.mustache().ifPresent(a -> n.set("mustache", bool(a)));
        f.eyesOpen().ifPresent(a -> n.set("eyesOpen", bool(a)));
        f.mouthOpen().ifPresent(a -> n.set("mouthOpen", bool(a)));
        f.faceOccluded().ifPresent(a -> n.set("faceOccluded", bool(a)));
        if (!f.emotions().isEmpty()) {
            ArrayNode em = n.putArray("emotions");
            for (Emotion e : f.emotions()) {
                em.addObject().put("type", e.rawType()).put("confidence", round(e.confidence()));
            }
            f.dominantEmotion().ifPresent(e -> n.put("dominantEmotion", e.rawType()));
        }
        f.pose().ifPresent(p -> n.set("pose", object().put("roll", round(p.roll())).put("yaw", round(p.yaw()))
            .put("pitch", round(p.pitch()))));
        f.quality().ifPresent(q -> n.set("quality", object().put("brightness", round(q.brightness()))
            .put("sharpness", round(q.sharpness()))));
        if (!f.landmarks().isEmpty()) {
            ArrayNode lm = n.putArray("landmarks");
            for (Landmark l : f.landmarks()) {
                lm.addObject().put("type", l.rawType()).put("x", round4(l.position().x())).put("y", round4(l.position().y()));
            }
        }
        return n;
    }

    static ObjectNode indexedFace(IndexedFace f) {
        ObjectNode n = object().put("faceId", f.faceId());
        f.personId().ifPresent(p -> n.put("personId", p));
        f.imageId().ifPresent(p -> n.put("imageId", p));
        f.userPersonId().ifPresent(p -> n.put("user", p));
        n.put("confidence", round(f.confidence()));
        n.set("boundingBox", box(f.boundingBox()));
        return n;
    }

    static ObjectNode label(Label l) {
        ObjectNode n = object().put("name", l.name()).put("confidence", round(l.confidence()));
        ArrayNode parents = n.putArray("parents");
        l.parents().forEach(parents::add);
        n.put("instances", l.instances().size());
        return n;
    }

    /** The box as text: pixels when the size is known, else ratios. */
    static String boxText(FaceDetails f) {
        Optional<PixelBox> p = f.pixelBox();
        if (p.isPresent()) {
            int[] r = p.get().rounded();
            return r[2] + "x" + r[3] + "+" + r[0] + "+" + r[1];
        }
        BoundingBox b = f.boundingBox();
        return String.format(Locale.ROOT, "%.3f,%.3f %.3fx%.3f", b.left(), b.top(), b.width(), b.height());
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v);
    }

    static String yesNo(Optional<BooleanAttribute> a) {
        return a.map(b -> (b.value() ? "yes" : "no") + " " + pct(b.confidence())).orElse("-");
    }

    /** A plain text table with left-aligned columns. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();
        private final String[] header;

        Table(String... header) {
            this.header = header;
        }

        Table row(Object... cells) {
            String[] r = new String[header.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
            }
            rows.add(r);
            return this;
        }

        /** Prints the table, or nothing when it has no rows. */
        void print(PrintWriter out) {
            if (rows.isEmpty()) {
                return;
            }
            int[] w = new int[header.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = header[i].length();
                for (String[] r : rows) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
            line(out, header, w);
            String[] rule = new String[w.length];
            for (int i = 0; i < w.length; i++) {
                rule[i] = "-".repeat(w[i]);
            }
            line(out, rule, w);
            for (String[] r : rows) {
                line(out, r, w);
            }
        }

        private static void line(PrintWriter out, String[] cells, int[] w) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    sb.append("  ");
                }
                sb.append(cells[i]);
                if (i < cells.length - 1) {
                    sb.append(" ".repeat(w[i] - cells[i].length()));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
