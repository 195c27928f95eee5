package io.passerelle.connection;

import java.util.Base64;

/**
 * Seals a connection's signing secret for an application started with another secrets key than this test
 * context's (the separate processes of a cluster test), exactly as {@link ConnectionService} stores it.
 */
public final class SealedSecrets {

    private SealedSecrets() {}

    /** @param base64Key the other application's {@code passerelle.secrets.key} */
    public static String signingSecret(String base64Key, String signingSecret, long connectionId) {
        return new SecretCipher(Base64.getDecoder().decode(base64Key))
                .encrypt(signingSecret, connectionId, SecretCipher.Purpose.SIGNING_SECRET);
    }
}
