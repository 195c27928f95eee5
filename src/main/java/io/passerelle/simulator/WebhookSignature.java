package io.passerelle.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed
 * with the base64-decoded part of the {@code whsec_} secret. The header may list several space-separated
 * signatures (during a secret rotation); one valid {@code v1} signature is enough.
 */
final class WebhookSignature {

    /** Older (or further in the future) than this, a message is refused: it may be a replay. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    enum Verdict {
        VALID("valid"),
        MISSING_HEADERS("webhook-id, webhook-timestamp and webhook-signature are required"),
        BAD_TIMESTAMP("webhook-timestamp is not a Unix time in seconds"),
        STALE_TIMESTAMP("webhook-timestamp is more than 5 minutes away from the till's clock"),
        BAD_SIGNATURE("no webhook-signature matches the body with this installation's signing secret");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private WebhookSignature() {}

    static Verdict verify(byte[] key, String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (isBlank(id) || isBlank(timestamp) || isBlank(signatures)) {
            return Verdict.MISSING_HEADERS;
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - sentAt) > TOLERANCE.toSeconds()) {
            return Verdict.STALE_TIMESTAMP;
        }
        byte[] expected = sign(key, id, sentAt, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatures.trim().split("\\s+")) {
            if (candidate.startsWith("v1,")
                    && MessageDigest.isEqual(expected, candidate.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return Verdict.VALID;
            }
        }
        return Verdict.BAD_SIGNATURE;
    }

    /** The base64 signature (without the {@code v1,} prefix) of one message. */
    static String sign(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
