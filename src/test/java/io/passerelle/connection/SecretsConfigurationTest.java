package io.passerelle.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.connection.SecretCipher.Purpose;
import io.passerelle.connection.SecretsSettings.WhenMissing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsConfigurationTest {

    private final SecretsConfiguration configuration = new SecretsConfiguration();

    @TempDir
    Path dir;

    @Test
    void withoutAKeyStartUpFailsAndSaysWhatToSet() {
        var settings = new SecretsSettings(null, WhenMissing.FAIL, dir.resolve("secrets.key"));

        assertThatThrownBy(() -> configuration.secretCipher(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PASSERELLE_SECRETS_KEY")
                .hasMessageContaining("32 random bytes in base64");
        assertThat(dir.resolve("secrets.key")).doesNotExist();
    }

    @Test
    void aConfiguredKeyIsUsedAndMustBeThirtyTwoBytes() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        var first = configuration.secretCipher(new SecretsSettings(key, WhenMissing.FAIL, dir.resolve("unused")));
        var second = configuration.secretCipher(new SecretsSettings(key, WhenMissing.FAIL, dir.resolve("unused")));

        assertThat(second.decrypt(first.encrypt("token", 1, Purpose.TOKEN), 1, Purpose.TOKEN)).isEqualTo("token");
        assertThatThrownBy(() -> configuration.secretCipher(new SecretsSettings(
                Base64.getEncoder().encodeToString(new byte[16]), WhenMissing.PERSIST, dir.resolve("unused"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> configuration.secretCipher(new SecretsSettings("not base64!", WhenMissing.FAIL,
                dir.resolve("unused")))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDemoKeyIsGeneratedOnceKeptOwnerReadableAndReusedAfterARestart() throws Exception {
        Path file = dir.resolve("data/secrets.key");
        var settings = new SecretsSettings("", WhenMissing.PERSIST, file);

        var beforeRestart = configuration.secretCipher(settings);
        var afterRestart = configuration.secretCipher(settings);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(afterRestart.decrypt(beforeRestart.encrypt("token", 3, Purpose.TOKEN), 3, Purpose.TOKEN))
                .isEqualTo("token");
    }

    @Test
    void anEphemeralKeyLivesForOneRunOnly() {
        var settings = new SecretsSettings(null, WhenMissing.EPHEMERAL, dir.resolve("secrets.key"));
        String ciphertext = configuration.secretCipher(settings).encrypt("token", 3, Purpose.TOKEN);

        assertThatThrownBy(() -> configuration.secretCipher(settings).decrypt(ciphertext, 3, Purpose.TOKEN))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("secrets.key")).doesNotExist();
    }
}
