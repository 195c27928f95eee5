package io.passerelle.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API keys of pull-style connections: {@code pk_} and 32 random bytes, kept as a SHA-256 hash. */
final class ApiKeys {

    static final String PREFIX = "pk_";
    private static final int KEY_BYTES = 32;
    private static final int HINT_LENGTH = PREFIX.length() + 4;
    private static final SecureRandom random = new SecureRandom();

    private ApiKeys() {}

    static ApiKey generate() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new ApiKey(value, hint(value));
    }

    /** The first characters, safe to show; refuses what is not shaped like a key of ours. */
    static String hint(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() < PREFIX.length() + 32) {
            throw new IllegalArgumentException("An API key is " + PREFIX + " followed by at least 32 characters");
        }
        return key.substring(0, HINT_LENGTH);
    }

    /**
     * SHA-256, not a slow password hash (bcrypt, argon2): the key is 256 random bits, so nobody can guess
     * it from its hash however fast the hash is, and a slow hash would cost every POS request.
     */
    static String hash(String key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Constant time: how long the comparison takes says nothing about how much of the hash matched. */
    static boolean matches(String candidate, String storedHash) {
        return MessageDigest.isEqual(hash(candidate).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
