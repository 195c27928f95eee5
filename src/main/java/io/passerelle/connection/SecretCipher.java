package io.passerelle.connection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts connection secrets at rest: AES-256-GCM, a random 12-byte IV per encryption, and the row and
 * field as associated data ({@code partner_connection:<id>:<purpose>}), so a ciphertext copied to
 * another row or field fails to decrypt. Format {@code v1:<base64(iv | ciphertext and tag)>}: the
 * version prefix lets a later key or algorithm coexist with this one.
 */
final class SecretCipher {

    private static final String FORMAT_V1 = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final int KEY_BYTES = 32;

    enum Purpose {
        TOKEN("token"),
        SIGNING_SECRET("signing_secret");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }
    }

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The secrets key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    String encrypt(String plain, long connectionId, Purpose purpose) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, connectionId, purpose);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] message = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return FORMAT_V1 + Base64.getEncoder().encodeToString(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Throws {@link IllegalStateException} if the ciphertext was altered, moved, or sealed with another key. */
    String decrypt(String ciphertext, long connectionId, Purpose purpose) {
        if (ciphertext == null || !ciphertext.startsWith(FORMAT_V1)) {
            throw new IllegalStateException("Not a v1 ciphertext");
        }
        try {
            byte[] message = Base64.getDecoder().decode(ciphertext.substring(FORMAT_V1.length()));
            if (message.length < IV_BYTES + TAG_BITS / 8) {
                throw new IllegalStateException("Ciphertext too short");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(message, IV_BYTES), connectionId, purpose);
            byte[] plain = cipher.doFinal(message, IV_BYTES, message.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // no detail: which check failed is of no use to anyone but an attacker
            throw new IllegalStateException("A connection secret could not be decrypted (connection " + connectionId + ")");
        }
    }

    private Cipher cipher(int mode, byte[] iv, long connectionId, Purpose purpose) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("partner_connection:" + connectionId + ":" + purpose.label).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
