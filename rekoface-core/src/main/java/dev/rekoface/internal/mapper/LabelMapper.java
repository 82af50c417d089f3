package dev.rekoface.internal.mapper;

import dev.rekoface.model.Label;
import dev.rekoface.model.LabelInstance;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;

/** Maps DetectLabels answers to rekoface's {@link Label}s; tolerant like {@link FaceMapper}. */
public final class LabelMapper {
    private LabelMapper() {
    }

    /**
     * Maps a DetectLabels answer.
     *
     * @param response the SDK response
     * @return the labels, in the service's order
     */
    public static List<Label> detectLabels(DetectLabelsResponse response) {
        if (!response.hasLabels()) {
            return List.of();
        }
        List<Label> out = new ArrayList<>(response.labels().size());
        response.labels().forEach(l -> out.add(label(l)));
        return List.copyOf(out);
    }

    /**
     * Maps one label.
     *
     * @param l the SDK label
     * @return the label
     */
    public static Label label(software.amazon.awssdk.services.rekognition.model.Label l) {
        Label.Builder b = Label.builder().name(l.name() == null ? "" : l.name()).confidence(FaceMapper.percent(l.confidence()));
        if (l.hasInstances()) {
            l.instances().stream().filter(i -> i.boundingBox() != null)
                .forEach(i -> b.addInstances(new LabelInstance(FaceMapper.box(i.boundingBox()), FaceMapper.percent(i.confidence()))));
        }
        if (l.hasParents()) {
            l.parents().forEach(p -> b.addParents(p.name()));
        }
        if (l.hasAliases()) {
            l.aliases().forEach(a -> b.addAliases(a.name()));
        }
        if (l.hasCategories()) {
            l.categories().forEach(c -> b.addCategories(c.name()));
        }
        return b.build();
    }
}
