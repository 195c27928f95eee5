package io.passerelle.bench;

import io.passerelle.connection.SealedSecrets;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.PartnerEventType;
import io.passerelle.partner.StandardWebhookSigner;
import io.passerelle.simulator.InstallationSettings;
import io.passerelle.simulator.PosSimulator;
import io.passerelle.simulator.SimulatorSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The benchmark's world, written with plain JDBC in bulk so that seeding stays a small part of the run: one
 * reseller, N restaurants with one guest each and {@code reservationsPerRestaurant} confirmed reservations
 * spread over the next 60 days, and one CaissePad push connection per restaurant (disabled until a scenario
 * enables its share) to one POS simulator on loopback that plays every restaurant's till. Reservations are
 * generated server-side ({@code INSERT ... SELECT} over MariaDB's sequence engine), the rest goes as JDBC batches.
 */
final class BenchEstate implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    static final String PARTNER = "caissepad";
    static final String POS_VERSION = "2.0.16";
    static final int DAYS = 60;
    private static final int BATCH = 1_000;

    final DataSource dataSource;
    final String token;
    final String signingSecret;
    final long[] restaurantIds;
    final int[] publicIds;
    final long[] connectionIds;
    final PosSimulator simulator;
    /** The first day of the seeded reservations (UTC); reservation k of a restaurant is on day {@code k mod 60}. */
    final LocalDate firstDay;

    private BenchEstate(DataSource dataSource, String token, String signingSecret, long[] restaurantIds, int[] publicIds, long[] connectionIds, PosSimulator simulator, LocalDate firstDay) {
        this.dataSource = dataSource;
        this.token = token;
        this.signingSecret = signingSecret;
        this.restaurantIds = restaurantIds;
        this.publicIds = publicIds;
        this.connectionIds = connectionIds;
        this.simulator = simulator;
        this.firstDay = firstDay;
    }

    static BenchEstate seed(DataSource dataSource, SealedSecrets secrets, PartnerDescriptor partner, int restaurants,
            int reservationsPerRestaurant, Instant now) throws SQLException {
        LocalDate firstDay = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String token = "tok_bench_" + Long.toHexString(System.nanoTime());
        String signingSecret = StandardWebhookSigner.newSecret();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            long resellerId = insertReseller(db, now);
            int firstPublicId = freePublicIds(db, restaurants);
            int[] publicIds = new int[restaurants];
            for (int i = 0; i < restaurants; i++) {
                publicIds[i] = firstPublicId + i;
            }
            long[] restaurantIds = insertRestaurants(db, resellerId, publicIds, now);
            insertGuests(db, restaurantIds, now);
            insertReservations(db, restaurantIds, reservationsPerRestaurant, firstDay, now);
            db.commit();
            var installations = new ArrayList<InstallationSettings>(restaurants);
            for (int publicId : publicIds) {
                installations.add(InstallationSettings.push(installationId(publicId), String.valueOf(publicId), token,
                        signingSecret, POS_VERSION));
            }
            PosSimulator simulator = PosSimulator.start(SimulatorSettings.defaults().withPort(0)
                    .withInstallations(installations));
            try {
                long[] connectionIds = insertConnections(db, secrets, partner, resellerId, restaurantIds, publicIds, simulator,
                        token, signingSecret, now);
                db.commit();
                return new BenchEstate(dataSource, token, signingSecret, restaurantIds, publicIds,
                        connectionIds, simulator, firstDay);
            } catch (SQLException | RuntimeException e) {
                simulator.stop();
                throw e;
            }
        }
    }

    static String installationId(int publicId) {
        return "bench-" + publicId;
    }

    String webhookUrl(int index) {
        return simulator.webhookUrl(installationId(publicIds[index])).toString();
    }

    /** Exactly the first {@code count} connections enabled: the share of the estate a scenario plays on. */
    void enableFirst(int count) throws SQLException {
        enable(0, count);
    }

    /** Enables the connections of the {@code count} restaurants from index {@code first} on, and no other. */
    void enable(int first, int count) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement update = db.prepareStatement("update partner_connection set enabled ="
                        + " (id between ? and ?) where id between ? and ?")) {
            update.setLong(1, count == 0 ? 0 : connectionIds[first]);
            update.setLong(2, count == 0 ? 0 : connectionIds[first + count - 1]);
            update.setLong(3, connectionIds[0]);
            update.setLong(4, connectionIds[connectionIds.length - 1]);
            update.executeUpdate();
        }
    }

    /** Marks every seeded reservation of the first {@code count} restaurants as acknowledged at its version. */
    void acknowledgeAll(int count) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement("""
                        insert into push_delivery_state (connection_id, reservation_id, acked_version)
                        select c.id, r.id, r.version from partner_connection c
                        join reservation r on r.restaurant_id = c.restaurant_id
                        where c.id between ? and ?
                        on duplicate key update acked_version = greatest(acked_version, values(acked_version))""")) {
            insert.setLong(1, connectionIds[0]);
            insert.setLong(2, connectionIds[count - 1]);
            insert.executeUpdate();
        }
    }

    /** Reservations whose start is within the days [fromDay, toDay] after the first day, of the first restaurants. */
    List<Long> reservationsOnDays(int restaurants, int fromDay, int toDay) throws SQLException {
        var ids = new ArrayList<Long>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select id from reservation where restaurant_id between ? and ?"
                        + " and start_at >= ? and start_at < ? order by id")) {
            select.setLong(1, restaurantIds[0]);
            select.setLong(2, restaurantIds[restaurants - 1]);
            select.setObject(3, firstDay.plusDays(fromDay).atStartOfDay());
            select.setObject(4, firstDay.plusDays(toDay + 1L).atStartOfDay());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Changes these reservations behind the sync engine's back (a new version, as if edited while the relay was
     * down): what a window must find and send.
     */
    void changeQuietly(List<Long> reservationIds, Instant now) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement update = db.prepareStatement("update reservation set version = version + 1,"
                        + " party_size = 1 + party_size % 8, updated_at = ? where id = ?")) {
            db.setAutoCommit(false);
            int pending = 0;
            for (long id : reservationIds) {
                update.setObject(1, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
                update.setLong(2, id);
                update.addBatch();
                if (++pending % BATCH == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
            db.commit();
        }
    }

    /** Leaves nothing behind that could disturb other tests sharing the database: connections off, queue empty. */
    @Override
    public void close() {
        try {
            enableFirst(0);
            try (Connection db = dataSource.getConnection();
                    PreparedStatement update = db.prepareStatement("update outbox_message set status = 'SUPERSEDED'"
                            + " where status = 'PENDING' and connection_id between ? and ?")) {
                update.setLong(1, connectionIds[0]);
                update.setLong(2, connectionIds[connectionIds.length - 1]);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            simulator.stop();
        }
    }

    // --- seeding

    private static long insertReseller(Connection db, Instant now) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into reseller (name, created_at) values (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "Bench reseller " + Long.toHexString(System.nanoTime()));
            insert.setObject(2, utc(now));
            insert.executeUpdate();
            return generatedKeys(insert, 1)[0];
        }
    }

    /** The first of {@code count} consecutive six-digit public IDs nobody uses. */
    private static int freePublicIds(Connection db, int count) throws SQLException {
        try (PreparedStatement taken = db.prepareStatement("select count(*) from restaurant where public_id between ? and ?")) {
            for (int first = 990_000 - count; first >= 100_000; first -= count) {
                taken.setInt(1, first);
                taken.setInt(2, first + count - 1);
                try (ResultSet rows = taken.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return first;
                    }
                }
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free public IDs");
    }

    private static long[] insertRestaurants(Connection db, long resellerId, int[] publicIds, Instant now)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into restaurant (public_id, name, time_zone, locale,"
                + " reseller_id, created_at) values (?, ?, ?, 'it', ?, ?)")) {
            for (int publicId : publicIds) {
                insert.setInt(1, publicId);
                insert.setString(2, "Bench " + publicId);
                insert.setString(3, ZONE.getId());
                insert.setLong(4, resellerId);
                insert.setObject(5, utc(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ids(db, "select id from restaurant where reseller_id = ? order by public_id", resellerId,
                publicIds.length);
    }

    private static void insertGuests(Connection db, long[] restaurantIds, Instant now) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into guest (restaurant_id, first_name, last_name,"
                + " mobile, email, created_at, updated_at) values (?, 'Giulia', 'Rossi', '+393331234567',"
                + " 'giulia@example.com', ?, ?)")) {
            int pending = 0;
            for (long restaurantId : restaurantIds) {
                insert.setLong(1, restaurantId);
                insert.setObject(2, utc(now));
                insert.setObject(3, utc(now));
                insert.addBatch();
                if (++pending % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Reservation k of a restaurant: day k mod 60, between 12:00 and 16:30 UTC, for 1 to 8 people. */
    private static void insertReservations(Connection db, long[] restaurantIds, int perRestaurant, LocalDate firstDay,
            Instant now) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into reservation (restaurant_id, guest_id, start_at, party_size, status, source, created_at,
                    updated_at, version)
                select g.restaurant_id, g.id,
                    timestampadd(MINUTE, 720 + 30 * (s.seq mod 10), timestampadd(DAY, s.seq mod %d, ?)),
                    1 + s.seq mod 8, 'CONFIRMED', 'BOOKING', ?, ?, 1
                from guest g join seq_0_to_%d s
                where g.restaurant_id between ? and ?""".formatted(DAYS, perRestaurant - 1))) {
            int chunk = 500;
            for (int from = 0; from < restaurantIds.length; from += chunk) {
                int to = Math.min(from + chunk, restaurantIds.length) - 1;
                insert.setObject(1, firstDay.atStartOfDay());
                insert.setObject(2, utc(now));
                insert.setObject(3, utc(now));
                insert.setLong(4, restaurantIds[from]);
                insert.setLong(5, restaurantIds[to]);
                insert.executeUpdate();
            }
        }
    }

    private static long[] insertConnections(Connection db, SealedSecrets secrets, PartnerDescriptor partner,
            long resellerId, long[] restaurantIds, int[] publicIds, PosSimulator simulator, String token, String signingSecret,
            Instant now) throws SQLException {
        String events = partner.supportedEvents().stream().map(PartnerEventType::wireName)
                .collect(Collectors.joining(","));
        long[] ids;
        try (PreparedStatement insert = db.prepareStatement("insert into partner_connection (restaurant_id,"
                + " partner_code, category, style, enabled, webhook_url, events, created_at, updated_at)"
                + " values (?, ?, ?, 'PUSH', false, ?, ?, ?, ?)")) {
            for (int i = 0; i < restaurantIds.length; i++) {
                insert.setLong(1, restaurantIds[i]);
                insert.setString(2, partner.code());
                insert.setString(3, partner.category().name());
                insert.setString(4, simulator.webhookUrl(installationId(publicIds[i])).toString());
                insert.setString(5, events);
                insert.setObject(6, utc(now));
                insert.setObject(7, utc(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        ids = ids(db, "select c.id from partner_connection c join restaurant r on r.id = c.restaurant_id"
                + " where r.reseller_id = ? order by r.public_id", resellerId,
                restaurantIds.length);
        // the secrets are sealed to their row's id, so they go in once the ids are known
        try (PreparedStatement seal = db.prepareStatement("update partner_connection set token_ciphertext = ?,"
                + " signing_secret_ciphertext = ? where id = ?")) {
            int pending = 0;
            for (long id : ids) {
                seal.setString(1, secrets.token(token, id));
                seal.setString(2, secrets.signingSecret(signingSecret, id));
                seal.setLong(3, id);
                seal.addBatch();
                if (++pending % BATCH == 0) {
                    seal.executeBatch();
                }
            }
            seal.executeBatch();
        }
        return ids;
    }

    private static long[] generatedKeys(Statement statement, int expected) throws SQLException {
        return read(statement.getGeneratedKeys(), expected);
    }

    private static long[] ids(Connection db, String sql, long parameter, int expected) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setLong(1, parameter);
            return read(select.executeQuery(), expected);
        }
    }

    private static long[] read(ResultSet result, int expected) throws SQLException {
        long[] values = new long[expected];
        int i = 0;
        try (ResultSet rows = result) {
            while (rows.next() && i < expected) {
                values[i++] = rows.getLong(1);
            }
        }
        if (i != expected) {
            throw new IllegalStateException("Expected " + expected + " rows, got " + i);
        }
        return values;
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
