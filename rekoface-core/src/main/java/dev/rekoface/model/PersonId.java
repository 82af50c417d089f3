package dev.rekoface.model;

import dev.rekoface.InvalidArgumentException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Encodes any person id a user has (a name with spaces, an e-mail address, a file path, non-ASCII text) into
 * Rekognition's ExternalImageId and UserId alphabet {@code [a-zA-Z0-9_.\-:]+}, reversibly.
 *
 * <p>An id that already fits the alphabet stays unchanged, so collections written by other tools (boto3 scripts, the
 * AWS CLI) read back as they were written. Any other id becomes {@code rf:} followed by the id with every character
 * outside {@code [a-zA-Z0-9.-]} written as {@code _XX} (the hex of its UTF-8 bytes):
 * {@code "joe biden"} → {@code "rf:joe_20biden"}. An id that fits but starts with {@code rf:} is encoded too, so
 * decoding is never ambiguous.
 *
 * <pre>{@code
 * PersonId.encode("Barack Obama <b.o@wh.gov>/ñ")  // "rf:Barack_20Obama_20_3Cb.o_40wh.gov_3E_2F_C3_B1"
 * PersonId.decode("rf:Barack_20Obama_20_3Cb.o_40wh.gov_3E_2F_C3_B1")  // "Barack Obama <b.o@wh.gov>/ñ"
 * PersonId.decode("PersonNAME")  // "PersonNAME" (written by another tool)
 * }</pre>
 */
public final class PersonId {
    /** The prefix of encoded ids. */
    public static final String PREFIX = "rf:";
    /** The longest ExternalImageId Rekognition accepts. */
    public static final int MAX_EXTERNAL_IMAGE_ID = 255;
    /** The longest UserId Rekognition accepts. */
    public static final int MAX_USER_ID = 128;

    private static final Pattern SERVICE_ALPHABET = Pattern.compile("[a-zA-Z0-9_.\\-:]+");
    private static final Pattern ENCODED_BODY = Pattern.compile("([a-zA-Z0-9.\\-]|_[0-9A-F]{2})*");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PersonId() {
    }

    /**
     * Encodes a person id for Rekognition (no length check).
     *
     * @param personId any non-empty string
     * @return the id in the service's alphabet
     * @throws InvalidArgumentException if the id is null or empty
     */
    public static String encode(String personId) {
        if (personId == null || personId.isEmpty()) {
            throw new InvalidArgumentException("person id", "person id must not be empty");
        }
        if (SERVICE_ALPHABET.matcher(personId).matches() && !personId.startsWith(PREFIX)) {
            return personId;
        }
        StringBuilder out = new StringBuilder(PREFIX.length() + personId.length() * 2).append(PREFIX);
        for (byte b : personId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                out.append(c);
            } else {
                out.append('_').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Encodes a person id into an ExternalImageId, checking the service's length limit before any call.
     *
     * @param personId any non-empty string
     * @return the ExternalImageId
     * @throws InvalidArgumentException if the id is empty or its encoding is longer than 255 characters
     */
    public static String toExternalImageId(String personId) {
        return checked(personId, MAX_EXTERNAL_IMAGE_ID, "ExternalImageId");
    }

    /**
     * Encodes a person id into a UserId, checking the service's length limit before any call.
     *
     * @param personId any non-empty string
     * @return the UserId
     * @throws InvalidArgumentException if the id is empty or its encoding is longer than 128 characters
     */
    public static String toUserId(String personId) {
        return checked(personId, MAX_USER_ID, "UserId");
    }

    /**
     * Tells whether a person id can be stored as a UserId (its encoding fits 128 characters).
     *
     * @param personId any non-empty string
     * @return true if {@link #toUserId} accepts it
     */
    public static boolean fitsUserId(String personId) {
        return encode(personId).length() <= MAX_USER_ID;
    }

    private static String checked(String personId, int max, String field) {
        String encoded = encode(personId);
        if (encoded.length() > max) {
            String shown = personId.length() > 40 ? personId.substring(0, 37) + "..." : personId;
            throw new InvalidArgumentException("person id", "person id '" + shown + "' (" + personId.length()
                + " characters) encodes to " + encoded.length() + " characters; Rekognition's " + field
                + " allows at most " + max);
        }
        return encoded;
    }

    /**
     * Decodes an ExternalImageId or UserId back to the person id. Ids written by other tools come back unchanged;
     * an {@code rf:} id that is not a valid encoding comes back unchanged too, never an exception.
     *
     * @param serviceId the id as stored in Rekognition
     * @return the person id
     */
    public static String decode(String serviceId) {
        if (serviceId == null || !serviceId.startsWith(PREFIX)) {
            return serviceId;
        }
        String body = serviceId.substring(PREFIX.length());
        if (!ENCODED_BODY.matcher(body).matches()) {
            return serviceId;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '_') {
                bytes.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
