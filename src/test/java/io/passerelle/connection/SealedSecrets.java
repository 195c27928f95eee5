package io.passerelle.connection;

import org.springframework.context.ApplicationContext;

/**
 * Seals connection secrets exactly as {@link ConnectionService} stores them, for code that writes connections
 * in bulk with plain JDBC (the benchmark seeds thousands): the cipher stays package-private to the product.
 */
public final class SealedSecrets {

    private final SecretCipher cipher;

    public SealedSecrets(ApplicationContext context) {
        this.cipher = context.getBean(SecretCipher.class);
    }

    public String token(String token, long connectionId) {
        return cipher.encrypt(token, connectionId, SecretCipher.Purpose.TOKEN);
    }

    public String signingSecret(String secret, long connectionId) {
        return cipher.encrypt(secret, connectionId, SecretCipher.Purpose.SIGNING_SECRET);
    }
}
