package dev.rekoface.spring.boot;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.Operation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** The checks of single {@code rekoface.*} values; each failure names the property and the value. */
final class PropertyChecks {
    private static final String PREFIX = RekofaceProperties.PREFIX;
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private PropertyChecks() {
    }

    /** Resolves a map keyed by operation names, refusing a name that is not a Rekognition operation. */
    static <V> Map<Operation, V> operationMap(String property, Map<String, V> byName) {
        Map<Operation, V> out = new EnumMap<>(Operation.class);
        forEachOperation(property, byName, out::put);
        return out;
    }

    static <V> void forEachOperation(String property, Map<String, V> byName, BiConsumer<Operation, V> action) {
        for (Map.Entry<String, V> e : byName.entrySet()) {
            action.accept(operation(property, e.getKey()), e.getValue());
        }
    }

    /** The operation of a key: its wire name (CompareFaces), or the kebab-case form relaxed binding may give (compare-faces). */
    static Operation operation(String property, String key) {
        return Operation.find(key).orElseGet(() -> {
            try {
                return Operation.fromWireName(key);
            } catch (InvalidArgumentException e) {
                throw new InvalidRekofacePropertyException(property + "." + key, key, property + "." + key + ": "
                    + e.getMessage(), e);
            }
        });
    }

    static double checkRate(String property, double rate) {
        if (!(rate > 0) || rate > 10_000) {
            throw new InvalidRekofacePropertyException(property, text(rate), property + " " + text(rate)
                + " is out of range; use a rate above 0 and at most 10000 requests per second (to stop pacing, set "
                + PREFIX + ".rate-limit.enabled=false)");
        }
        return rate;
    }

    static BigDecimal checkPrice(String property, BigDecimal price) {
        if (price != null && price.signum() < 0) {
            throw new InvalidRekofacePropertyException(property, price.toPlainString(), property + " "
                + price.toPlainString() + " is negative; use a price in USD per 1,000 images, 0 or more");
        }
        return price;
    }

    static Duration checkPositive(String property, Duration d, boolean strictly) {
        if (d == null || d.isNegative() || (strictly && d.isZero())) {
            throw new InvalidRekofacePropertyException(property, d, property + " " + d + " must be "
                + (strictly ? "more than 0" : "0 or more") + ", e.g. 200ms or 30s");
        }
        return d;
    }

    static String checkRegion(String property, String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String r = region.trim();
        if (!REGION.matcher(r).matches()) {
            String guess = r.toLowerCase(Locale.ROOT).replace('_', '-');
            String hint = REGION.matcher(guess).matches() ? " (did you mean " + guess + "?)" : "";
            throw new InvalidRekofacePropertyException(property, region, property + " '" + region
                + "' is not an AWS region name such as eu-west-1" + hint);
        }
        return r;
    }

    static URI checkEndpoint(String property, URI endpoint) {
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null
            || !("http".equalsIgnoreCase(endpoint.getScheme()) || "https".equalsIgnoreCase(endpoint.getScheme())))) {
            throw new InvalidRekofacePropertyException(property, endpoint, property + " '" + endpoint
                + "' must be an absolute http or https URI such as http://localhost:4566");
        }
        return endpoint;
    }

    static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    static String text(float v) {
        return Float.isFinite(v) ? new BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString() : Float.toString(v);
    }

    static String text(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Double.toString(v);
    }
}
