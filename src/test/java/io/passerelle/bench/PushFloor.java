package io.passerelle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The floor of the outbound scenarios: the least a program must do to bring POS systems up to date, with no
 * framework. One JDBC query finds every reservation in the window that a connection has not acknowledged
 * (reading the real delivery state), each becomes the same JSON body Passerelle sends, signed the Standard
 * Webhooks way and POSTed with {@code java.net.http} to the same simulator with the same parallelism; the
 * acknowledgements go back as one JDBC batch (into a scratch table, so the real state is left for Passerelle).
 */
final class PushFloor {

    static final String ACK_TABLE = """
            create table if not exists bench_floor_ack (connection_id bigint not null, reservation_id bigint not null,
                acked_version bigint not null, primary key (connection_id, reservation_id)) engine = InnoDB""";

    private static final String UNACKNOWLEDGED = """
            select c.id, c.webhook_url, rest.public_id, r.id, r.version, r.status, r.start_at, r.party_size, r.notes,
                r.updated_at, g.id, g.first_name, g.last_name, g.mobile, g.email
            from partner_connection c
            join restaurant rest on rest.id = c.restaurant_id
            join reservation r on r.restaurant_id = c.restaurant_id and r.start_at >= ? and r.start_at < ?
            left join guest g on g.id = r.guest_id
            left join push_delivery_state s on s.connection_id = c.id and s.reservation_id = r.id
            where c.id between ? and ? and c.enabled
              and (s.acked_version is null or (s.missed_delivered_at is null and s.acked_version < r.version))""";

    private final DataSource dataSource;
    private final HttpClient http;
    private final byte[] signingKey;

    PushFloor(DataSource dataSource, String signingSecret) {
        this.dataSource = dataSource;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        this.signingKey = Base64.getDecoder().decode(signingSecret.substring("whsec_".length()));
    }

    record Message(long connectionId, URI webhookUrl, long reservationId, long version, String body) {}

    /** Every unacknowledged reservation of the connections in [firstConnection, lastConnection], delivered; how many. */
    int synchronise(long firstConnection, long lastConnection, Instant from, Instant to, int threads) throws Exception {
        List<Message> messages = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(UNACKNOWLEDGED)) {
            select.setObject(1, BenchEstate.utc(from));
            select.setObject(2, BenchEstate.utc(to));
            select.setLong(3, firstConnection);
            select.setLong(4, lastConnection);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(new Message(rows.getLong(1), URI.create(rows.getString(2)), rows.getLong(4),
                            rows.getLong(5), body(rows)));
                }
            }
        }
        List<Message> delivered = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Boolean>> calls = messages.stream().map(message -> pool.submit(() -> post(message))).toList();
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).get()) {
                    delivered.add(messages.get(i));
                }
            }
        }
        acknowledge(delivered);
        return delivered.size();
    }

    /**
     * One change, floor style: the row written and committed, read back, sent. Returns the nanoseconds from the
     * commit to the POS's answer.
     */
    long changeAndSend(long connectionId, URI webhookUrl, long reservationId, Instant now) throws Exception {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement update = db.prepareStatement("update reservation set version = version + 1,"
                    + " party_size = 1 + party_size % 8, updated_at = ? where id = ?")) {
                update.setObject(1, BenchEstate.utc(now));
                update.setLong(2, reservationId);
                update.executeUpdate();
            }
            db.commit();
            long committed = System.nanoTime();
            String body;
            long version;
            try (PreparedStatement select = db.prepareStatement("""
                    select c.id, c.webhook_url, rest.public_id, r.id, r.version, r.status, r.start_at, r.party_size,
                        r.notes, r.updated_at, g.id, g.first_name, g.last_name, g.mobile, g.email
                    from reservation r join restaurant rest on rest.id = r.restaurant_id
                    join partner_connection c on c.id = ? left join guest g on g.id = r.guest_id
                    where r.id = ?""")) {
                select.setLong(1, connectionId);
                select.setLong(2, reservationId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    body = body(rows);
                    version = rows.getLong(5);
                }
            }
            db.commit();
            if (!post(new Message(connectionId, webhookUrl, reservationId, version, body))) {
                throw new IllegalStateException("The simulator refused a floor change of reservation " + reservationId);
            }
            return System.nanoTime() - committed;
        }
    }

    private boolean post(Message message) throws Exception {
        String id = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(message.webhookUrl())
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", "v1," + sign(id + "." + timestamp + ".", body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException staleConnection) {
            // A pooled connection the simulator's server had closed as idle ("header parser received no bytes"):
            // sent again on a fresh one with the same webhook-id, as Passerelle's relay would retry it.
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        return status >= 200 && status < 300;
    }

    private String sign(String prefix, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private void acknowledge(List<Message> delivered) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement("insert into bench_floor_ack (connection_id,"
                        + " reservation_id, acked_version) values (?, ?, ?)"
                        + " on duplicate key update acked_version = greatest(acked_version, values(acked_version))")) {
            db.setAutoCommit(false);
            int pending = 0;
            for (Message message : delivered) {
                insert.setLong(1, message.connectionId());
                insert.setLong(2, message.reservationId());
                insert.setLong(3, message.version());
                insert.addBatch();
                if (++pending % 1_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            db.commit();
        }
    }

    /** The same body as Passerelle's push message (PROTOCOL.md), with the restaurant's offset on times. */
    private static String body(ResultSet row) throws SQLException {
        var json = new StringBuilder(400)
                .append("{\"type\":\"reservation.upserted\",\"restaurantId\":").append(row.getInt(3))
                .append(",\"reservation\":{\"id\":\"").append(row.getLong(4))
                .append("\",\"version\":").append(row.getLong(5))
                .append(",\"status\":\"").append(row.getString(6))
                .append("\",\"start\":\"").append(time(row.getObject(7, LocalDateTime.class)))
                .append("\",\"partySize\":").append(row.getInt(8));
        String notes = row.getString(9);
        if (notes != null) {
            json.append(",\"notes\":\"").append(escape(notes)).append('"');
        }
        if (row.getObject(11) != null) {
            json.append(",\"guest\":{\"id\":\"").append(row.getLong(11))
                    .append("\",\"firstName\":\"").append(escape(row.getString(12)))
                    .append("\",\"lastName\":\"").append(escape(row.getString(13)))
                    .append("\",\"mobile\":\"").append(escape(row.getString(14)))
                    .append("\",\"email\":\"").append(escape(row.getString(15))).append("\"}");
        }
        return json.append(",\"updatedAt\":\"").append(time(row.getObject(10, LocalDateTime.class))).append("\"}}")
                .toString();
    }

    private static String time(LocalDateTime utc) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(utc.atOffset(ZoneOffset.UTC)
                .atZoneSameInstant(BenchEstate.ZONE).toOffsetDateTime());
    }

    private static String escape(String text) {
        var escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
