package io.passerelle.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.connection.SecretCipher.Purpose;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(randomKey());

    @Test
    void roundTripsInAVersionedFormatThatHidesThePlainText() {
        String ciphertext = cipher.encrypt("tok_live_élan", 7, Purpose.TOKEN);

        assertThat(ciphertext).startsWith("v1:").doesNotContain("tok_live");
        assertThat(cipher.decrypt(ciphertext, 7, Purpose.TOKEN)).isEqualTo("tok_live_élan");
    }

    @Test
    void aFreshIvEveryTime() {
        String first = cipher.encrypt("same", 7, Purpose.TOKEN);
        String second = cipher.encrypt("same", 7, Purpose.TOKEN);

        assertThat(first).isNotEqualTo(second);
        assertThat(iv(first)).isNotEqualTo(iv(second));
    }

    @Test
    void anyAlteredByteFailsToDecrypt() {
        byte[] message = Base64.getDecoder().decode(cipher.encrypt("secret", 7, Purpose.TOKEN).substring(3));
        for (int i = 0; i < message.length; i++) {
            byte[] tampered = message.clone();
            tampered[i] ^= 0x01;
            String altered = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt(altered, 7, Purpose.TOKEN)).as("byte %d", i)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aCiphertextMovedToAnotherRowOrFieldFailsToDecrypt() {
        String ciphertext = cipher.encrypt("secret", 7, Purpose.TOKEN);

        assertThatThrownBy(() -> cipher.decrypt(ciphertext, 8, Purpose.TOKEN)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(ciphertext, 7, Purpose.SIGNING_SECRET))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyFailsToDecryptAndTheErrorTellsNothingOfTheSecret() {
        String ciphertext = cipher.encrypt("secret-value", 7, Purpose.TOKEN);

        assertThatThrownBy(() -> new SecretCipher(randomKey()).decrypt(ciphertext, 7, Purpose.TOKEN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("secret-value")
                .hasNoCause();
    }

    @Test
    void refusesMalformedInputAndShortKeys() {
        assertThatThrownBy(() -> cipher.decrypt("plain text", 7, Purpose.TOKEN)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA", 7, Purpose.TOKEN)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:***", 7, Purpose.TOKEN)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static String iv(String ciphertext) {
        byte[] message = Base64.getDecoder().decode(ciphertext.substring(3));
        return Base64.getEncoder().encodeToString(Arrays.copyOf(message, 12));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
