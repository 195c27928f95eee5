package io.passerelle.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Finds the secrets key (see {@link SecretsSettings}) and builds the {@link SecretCipher} from it. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretCipher secretCipher(SecretsSettings settings) {
        return new SecretCipher(key(settings));
    }

    private static byte[] key(SecretsSettings settings) {
        if (settings.key() != null && !settings.key().isBlank()) {
            return decode(settings.key(), "passerelle.secrets.key (PASSERELLE_SECRETS_KEY)");
        }
        return switch (settings.whenMissing()) {
            case FAIL -> throw new IllegalStateException("""
                    No key to encrypt connection secrets. Set the environment variable PASSERELLE_SECRETS_KEY \
                    to 32 random bytes in base64 (for example the output of `openssl rand -base64 32`), keep it \
                    out of the repository, and keep it: without it, stored tokens cannot be read any more.""");
            case EPHEMERAL -> {
                log.warn("Connection secrets are encrypted with a random key for this run only");
                yield randomKey();
            }
            case PERSIST -> persistedKey(settings.keyFile());
        };
    }

    /** Demo only: a key generated once and kept on disk, so that a restart can still read the secrets. */
    private static byte[] persistedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            byte[] key = randomKey();
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            log.info("Generated the demo key for connection secrets in {}", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the secrets key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64");
        }
        if (key.length != SecretCipher.KEY_BYTES) {
            throw new IllegalStateException(source + " must be " + SecretCipher.KEY_BYTES + " bytes in base64, not "
                    + key.length);
        }
        return key;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[SecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
