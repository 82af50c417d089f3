package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.Operation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One page of a listing (ListCollections, ListFaces, ListUsers): the page size from {@code MaxResults} within the
 * operation's default and maximum, and the {@code NextToken}, which names the operation and the last key listed, so a
 * token of another listing is refused. Items are listed in key order, after the token's key.
 *
 * @param op the listing operation
 * @param size how many items the page holds at most
 * @param after the key of the last item of the previous page, or null for the first page
 */
record Paging(Operation op, int size, String after) {
    /** The page sizes of one listing: the default when MaxResults is absent (or 0), and the most a page holds. */
    record Limits(int defaultSize, int maxSize) {
    }

    /** ListCollections: MaxResults 0-4096 in the service model; the emulator's default page is 1000. */
    static final Limits LIST_COLLECTIONS = new Limits(1000, 4096);
    /** ListFaces: MaxResults 0-4096 in the service model; the emulator's default page is 1000. */
    static final Limits LIST_FACES = new Limits(1000, 4096);
    /** ListUsers: MaxResults 1-500 in the service model; the emulator's default page is 100. */
    static final Limits LIST_USERS = new Limits(100, 500);

    /**
     * Reads a listing request's page size and token, refusing a token that is not this listing's.
     *
     * @param op the listing operation
     * @param req the request (already checked against the service model)
     * @param limits the listing's page sizes
     * @return the page to fill
     * @throws ServiceError InvalidPaginationTokenException for a token this listing did not give
     */
    static Paging of(Operation op, JsonNode req, Limits limits) {
        int n = Requests.integer(req, "MaxResults", 0);
        int size = n <= 0 ? limits.defaultSize() : Math.min(n, limits.maxSize());
        String token = Requests.text(req, "NextToken");
        return new Paging(op, size, token != null ? afterKey(op, token) : null);
    }

    /**
     * Fills the page with every item.
     *
     * @see #fill(Map, Predicate, Consumer, ObjectNode)
     */
    <T> void fill(Map<String, T> items, Consumer<T> emit, ObjectNode out) {
        fill(items, x -> true, emit, out);
    }

    /**
     * Fills the page: the items after the token's key, in key order, that the filter keeps, at most {@link #size()}
     * of them; adds {@code NextToken} to the answer when another kept item follows.
     *
     * @param items the items by key (sorted here unless already a sorted map)
     * @param keep which items the listing shows
     * @param emit adds one item to the answer
     * @param out the answer
     * @param <T> the item type
     */
    <T> void fill(Map<String, T> items, Predicate<T> keep, Consumer<T> emit, ObjectNode out) {
        NavigableMap<String, T> sorted = items instanceof NavigableMap<String, T> n ? n : new TreeMap<>(items);
        Iterator<Map.Entry<String, T>> it = (after == null ? sorted : sorted.tailMap(after, false)).entrySet().iterator();
        int listed = 0;
        String last = null;
        while (it.hasNext()) {
            Map.Entry<String, T> e = it.next();
            if (!keep.test(e.getValue())) {
                continue;
            }
            if (listed == size) {
                out.put("NextToken", token(op, last));
                return;
            }
            emit.accept(e.getValue());
            last = e.getKey();
            listed++;
        }
    }

    /** Returns the token of the page after the one that ended at a key. */
    static String token(Operation op, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((op.wireName() + "\n" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String afterKey(Operation op, String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            if (nl < 0 || !s.substring(0, nl).equals(op.wireName())) {
                throw new IllegalArgumentException("not a token of " + op);
            }
            return s.substring(nl + 1);
        } catch (IllegalArgumentException e) {
            throw ServiceError.badRequest("InvalidPaginationTokenException", "Invalid pagination token");
        }
    }
}
