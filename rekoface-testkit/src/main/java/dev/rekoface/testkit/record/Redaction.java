package dev.rekoface.testkit.record;

import java.util.regex.Pattern;

/**
 * What a recording must never keep, removed from response text before it is written: account ids in ARNs (replaced by
 * {@code 123456789012}), access key ids, and secrets or session tokens should a body ever carry them.
 */
final class Redaction {
    /** The account id recordings show instead of the real one. */
    static final String ACCOUNT = "123456789012";

    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("(?<=:)\\d{12}(?=:)");
    private static final Pattern ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final Pattern SECRETS = Pattern.compile(
        "(\"(?:SecretAccessKey|SessionToken|Token|AccessKeyId|Authorization)\"\\s*:\\s*)\"[^\"]*\"", Pattern.CASE_INSENSITIVE);

    private Redaction() {
    }

    static String redact(String text) {
        String t = ACCOUNT_IN_ARN.matcher(text).replaceAll(ACCOUNT);
        t = ACCESS_KEY.matcher(t).replaceAll("$1REDACTEDREDACTED00");
        return SECRETS.matcher(t).replaceAll("$1\"REDACTED\"");
    }
}
