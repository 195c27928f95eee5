package io.passerelle.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signs outbound messages as the Standard Webhooks specification says (PROTOCOL.md): headers
 * {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the bytes of the
 * connection's {@code whsec_<base64>} secret.
 */
@Component
public class StandardWebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom random = new SecureRandom();

    private static final int MIN_SECRET_BYTES = 24;

    private final Clock clock;

    public StandardWebhookSigner(Clock clock) {
        this.clock = clock;
    }

    /** A new signing secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** Refuses a secret that is not {@code whsec_} + base64 of at least 24 bytes (Standard Webhooks). */
    public static void requireValidSecret(String secret) {
        byte[] key;
        try {
            key = keyBytes(secret);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("A signing secret is whsec_ followed by base64", notBase64);
        }
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("A signing secret holds at least " + MIN_SECRET_BYTES + " bytes");
        }
    }

    /** The three signature headers for this message, timestamped now. */
    public Map<String, String> sign(String messageId, byte[] body, String secret) {
        long timestamp = clock.instant().getEpochSecond();
        var headers = new LinkedHashMap<String, String>();
        headers.put(ID_HEADER, messageId);
        headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(SIGNATURE_HEADER, signature(messageId, timestamp, body, secret));
        return headers;
    }

    /** {@code v1,<base64 signature>}. */
    public static String signature(String messageId, long timestamp, byte[] body, String secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyBytes(secret), "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Whether one of the space-separated signatures of a {@code webhook-signature} header matches; compared
     * in constant time. For whoever receives our messages (the POS simulator, tests).
     */
    public static boolean verify(String messageId, long timestamp, byte[] body, String secret, String signatureHeader) {
        byte[] expected = signature(messageId, timestamp, body, secret).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatureHeader.strip().split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] keyBytes(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("A signing secret starts with " + SECRET_PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
