package io.passerelle.partnerapi;

import io.passerelle.connection.AuthenticatedConnection;
import io.passerelle.connection.ConnectionCredentialsChanged;
import io.passerelle.shared.cache.CommittedReadCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Credentials a POS presented and that were accepted, remembered for {@code passerelle.partner-api.credential-cache-ttl}
 * (0: off): a busy till authenticates many times a second, and each check was a transaction of its own (the
 * restaurant, its connections, a decryption). Only successes are kept (a wrong secret is checked, and counted by
 * the throttle, every time). The key is the restaurant's public ID, the style and a SHA-256 of the secret: the
 * secret itself is never kept.
 *
 * <p>A change of what authenticates as a connection (key rotated, token replaced, disabled:
 * {@link ConnectionCredentialsChanged}) evicts every entry of that connection once its transaction committed. A check
 * that was reading the database while such a change committed does not store its (possibly stale) answer
 * ({@link CommittedReadCache}). On other nodes of a cluster an old credential may still be accepted until the entry
 * expires: at most the TTL.
 */
@Component
class CredentialCache {

    private final CommittedReadCache<Key, AuthenticatedConnection> accepted;

    CredentialCache(PartnerApiSettings settings) {
        this.accepted = new CommittedReadCache<>(settings.credentialCacheTtl(), 10_000);
    }

    /** The connection these credentials authenticate as: remembered, or looked up by {@code check} (and remembered). */
    Optional<AuthenticatedConnection> authenticate(int publicId, boolean bearer, String secret,
            Supplier<Optional<AuthenticatedConnection>> check) {
        return Optional.ofNullable(accepted.get(new Key(publicId, bearer, digest(secret)),
                key -> check.get().orElse(null)));
    }

    /** After the commit: from now on the connection's credentials are checked against the database again. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ConnectionCredentialsChanged changed) {
        accepted.evict((key, connection) -> connection.connectionId() == changed.connectionId());
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Never the secret: its SHA-256. */
    private record Key(int publicId, boolean bearer, String secretSha256) {}
}
