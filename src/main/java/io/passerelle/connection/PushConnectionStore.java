package io.passerelle.connection;

import io.passerelle.partner.PartnerStyle;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The enabled push connections a relay batch calls, in plain SQL: one join per batch. Read through JPA (the
 * connections, then their restaurants and resellers for the public IDs), they cost the relay's claim most of its time.
 * Reads the restaurant table, read only, for the public ID alone. Joins the caller's transaction.
 */
@Repository
class PushConnectionStore {

    private final JdbcClient jdbc;

    PushConnectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Of these connections, the enabled push-style ones, with what calling their POS needs (the secret sealed). */
    List<EnabledPush> findEnabled(Collection<Long> connectionIds) {
        return jdbc.sql("""
                        select c.id, c.restaurant_id, c.partner_code, c.webhook_url, c.signing_secret_ciphertext,
                            r.public_id
                        from partner_connection c join restaurant r on r.id = c.restaurant_id
                        where c.id in (:ids) and c.style = :style and c.enabled""")
                .param("ids", connectionIds)
                .param("style", PartnerStyle.PUSH.name())
                .query((rs, row) -> new EnabledPush(new PushConnection(rs.getLong(1), rs.getLong(2), rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getInt(6)))
                .list();
    }

    /** An enabled push connection as stored; webhook URL and signing secret may be missing. */
    record EnabledPush(PushConnection connection, String webhookUrl, String signingSecretCiphertext,
            int restaurantPublicId) {

        boolean callable() {
            return webhookUrl != null && signingSecretCiphertext != null;
        }
    }
}
