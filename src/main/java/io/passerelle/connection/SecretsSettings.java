package io.passerelle.connection;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that encrypts connection secrets at rest.
 *
 * @param key         32 random bytes in base64 (environment: {@code PASSERELLE_SECRETS_KEY}); never committed
 * @param whenMissing what to do without a key: fail at start-up (default), use a random key for this run
 *                    only (tests), or generate one once and keep it in {@code keyFile} (demo)
 * @param keyFile     where {@code persist} keeps its generated key, readable by the owner only
 */
@ConfigurationProperties("passerelle.secrets")
record SecretsSettings(
        String key,
        @DefaultValue("fail") WhenMissing whenMissing,
        @DefaultValue("data/secrets.key") Path keyFile) {

    enum WhenMissing {
        FAIL,
        EPHEMERAL,
        PERSIST
    }

    @Override
    public String toString() {
        return "SecretsSettings[key given=" + (key != null && !key.isBlank()) + ", whenMissing=" + whenMissing
                + ", keyFile=" + keyFile + "]";
    }
}
