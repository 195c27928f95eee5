package io.passerelle.connection;

import java.util.Base64;
import org.springframework.context.ApplicationContext;

/**
 * Seals connection secrets exactly as {@link ConnectionService} stores them, for test code that writes connections
 * with plain JDBC: the benchmark seeding thousands, and the cluster test whose separate processes run with their own
 * secrets key. The cipher itself stays package-private to the product.
 */
public final class SealedSecrets {

    private final SecretCipher cipher;

    private SealedSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** With this application context's key. */
    public static SealedSecrets of(ApplicationContext context) {
        return new SealedSecrets(context.getBean(SecretCipher.class));
    }

    /** @param base64Key another application's {@code passerelle.secrets.key} */
    public static SealedSecrets withKey(String base64Key) {
        return new SealedSecrets(new SecretCipher(Base64.getDecoder().decode(base64Key)));
    }

    public String token(String token, long connectionId) {
        return cipher.encrypt(token, connectionId, SecretCipher.Purpose.TOKEN);
    }

    public String signingSecret(String secret, long connectionId) {
        return cipher.encrypt(secret, connectionId, SecretCipher.Purpose.SIGNING_SECRET);
    }
}
