package dev.rekoface.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the engine's model files, from the classpath (the copies shipped in this module) or from a directory, and
 * checks each against its pinned SHA-256 before it is used, so that a truncated or tampered file fails loudly instead
 * of producing wrong faces.
 */
final class ModelStore {
    /** Classpath folder holding the model files and their licences. */
    static final String RESOURCE_DIR = "dev/rekoface/engine/models/";

    static final String SHORT_RANGE = "face_detection_short_range.tflite";
    static final String FULL_RANGE = "face_detection_full_range.tflite";
    static final String RECOGNITION_MANIFEST = "face_recognition_model-weights_manifest.json";
    static final String RECOGNITION_BIN = "face_recognition_model.bin";
    static final String EXPRESSION_MANIFEST = "face_expression_model-weights_manifest.json";
    static final String EXPRESSION_BIN = "face_expression_model.bin";

    /** The SHA-256 of every file the engine reads (same bytes as /shared/models, see NOTICE-models.md). */
    static final Map<String, String> SHA256 = Map.of(
        SHORT_RANGE, "3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633",
        FULL_RANGE, "99bf9494d84f50acc6617d89873f71bf6635a841ea699c17cb3377f9507cfec3",
        RECOGNITION_MANIFEST, "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b",
        RECOGNITION_BIN, "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589",
        EXPRESSION_MANIFEST, "5b349c17c7836da506e03422cd6461c74085d8bb2713ad4114647dc5d28174c8",
        EXPRESSION_BIN, "9a9840f2cf1f4c7eab95f197512569345c00d2426754d4608b92af30e0300f3d");

    private final Path directory;

    private ModelStore(Path directory) {
        this.directory = directory;
    }

    /** Returns a store reading the files shipped on the classpath. */
    static ModelStore classpath() {
        return new ModelStore(null);
    }

    /** Returns a store reading the files from a directory (same file names). */
    static ModelStore directory(Path dir) {
        return new ModelStore(Objects.requireNonNull(dir, "dir"));
    }

    /**
     * Reads a model file and checks its SHA-256.
     *
     * @param name the file name, one of the constants
     * @return the verified bytes
     * @throws EngineModelException if the file is missing, unreadable or has another hash
     */
    byte[] read(String name) {
        String expected = SHA256.get(name);
        if (expected == null) {
            throw new IllegalArgumentException("unknown model file " + name);
        }
        byte[] bytes = directory == null ? readResource(name) : readFile(name);
        String actual = sha256(bytes);
        if (!actual.equals(expected)) {
            throw new EngineModelException(name, "model file " + name + " (" + where(name) + ") is corrupt: SHA-256 "
                + actual + ", expected " + expected + " (" + bytes.length + " bytes)", null);
        }
        return bytes;
    }

    private byte[] readResource(String name) {
        ClassLoader loader = ModelStore.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new EngineModelException(name, "model file " + name + " is missing: no classpath resource "
                    + RESOURCE_DIR + name + " (expected SHA-256 " + SHA256.get(name) + ")", null);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EngineModelException(name, "model file " + name + " could not be read from the classpath: " + e, e);
        }
    }

    private byte[] readFile(String name) {
        Path file = directory.resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EngineModelException(name, "model file " + name + " is missing: " + file
                + " does not exist (expected SHA-256 " + SHA256.get(name) + ")", e);
        } catch (IOException e) {
            throw new EngineModelException(name, "model file " + name + " could not be read from " + file + ": " + e, e);
        }
    }

    private String where(String name) {
        return directory == null ? "classpath " + RESOURCE_DIR + name : directory.resolve(name).toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
