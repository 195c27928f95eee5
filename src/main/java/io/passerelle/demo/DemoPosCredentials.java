package io.passerelle.demo;

import io.passerelle.partner.StandardWebhookSigner;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The credentials the demo tills use: from {@code passerelle.demo.*} when given, else generated once and
 * kept in the demo's data folder, so the bundled simulator (or a real POS pointed at the demo) keeps
 * working across restarts. Never logged.
 */
@Component
@ConditionalOnBooleanProperty("passerelle.demo.enabled")
class DemoPosCredentials {

    private static final SecureRandom random = new SecureRandom();

    final String pullApiKey;
    final String pushToken;
    final String pushSigningSecret;

    DemoPosCredentials(DemoSettings settings) {
        Properties stored = load(settings.credentialsFile());
        this.pullApiKey = pick(settings.pull().apiKey(), stored, "pull.api-key", () -> "pk_demo" + randomText(32));
        this.pushToken = pick(settings.push().token(), stored, "push.token", () -> "tok_demo" + randomText(24));
        this.pushSigningSecret = pick(settings.push().signingSecret(), stored, "push.signing-secret",
                StandardWebhookSigner::newSecret);
        save(settings.credentialsFile(), stored);
    }

    private static String pick(String configured, Properties stored, String key,
            java.util.function.Supplier<String> generator) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return stored.computeIfAbsent(key, k -> generator.get()).toString();
    }

    private static String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static Properties load(Path file) {
        var properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }
        return properties;
    }

    private static void save(Path file, Properties properties) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // owner-only from the first byte where the file system knows permissions
            if (!Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Generated demo POS credentials (demo profile only)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
