package io.passerelle.partnerapi;

import static io.passerelle.partnerapi.PosEvents.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.AppServerTest;
import io.passerelle.partner.WireIds;
import io.passerelle.TestFixtures;
import io.passerelle.partnerapi.PartnerApiKit.Pos;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.synclog.SyncLogEntry;
import io.passerelle.synclog.SyncLogService;
import io.passerelle.tables.LinkState;
import io.passerelle.tables.PosTableName;
import io.passerelle.tables.TableNameService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;

/** Events over HTTP name tables as the POS calls them; the reconciled links decide where guests sit. */
class MappedTableEventsTest extends AppServerTest {

    @Autowired
    DiningTableService tables;
    @Autowired
    TableNameService tableNames;
    @Autowired
    SyncLogService syncLog;

    PartnerApiKit api;
    ReservationBook book;
    TestFixtures.Tenant tenant;
    Authentication owner;
    long restaurantId;
    Pos pos;
    Instant start;
    DiningTable t7;

    @BeforeEach
    void setUp() {
        api = new PartnerApiKit(port, fixtures, connections);
        book = fixtures.reservationBook();
        tenant = fixtures.tenant();
        owner = fixtures.authenticate(tenant.owner());
        restaurantId = tenant.restaurant().getId();
        pos = api.pull(tenant);
        // soon: the events about it happen now or within the hour and a half after, as occurredAt must (at most 2 h
        // ahead of Passerelle's clock)
        start = Instant.now().plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.MINUTES);
        t7 = book.table(restaurantId, "T7");
        assertThat(api.put(pos, "/tables", "{\"tables\": [\"Tavolo 7\", \"T7\"]}").status()).isEqualTo(200);
    }

    @Test
    void aReservationAttachedAtALinkedPosNameIsSeatedAtTheLinkedTable() {
        asOwner(() -> tableNames.link(restaurantId, pos.connectionId(), "Tavolo 7", t7.getId()));
        Reservation reservation = book.changeStatus(book.reservation(restaurantId, start, 2, null, null),
                ReservationStatus.CONFIRMED);

        var reply = api.post(pos, "/events",
                PosEvents.attached(newId(), start, WireIds.reservation(reservation.getId()), "ord-1", "Tavolo 7", null));

        assertThat(reply.status()).isEqualTo(202);
        Reservation seated = reload(reservation.getId());
        assertThat(seated.getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(seated.getTable().getId()).isEqualTo(t7.getId());
        assertThat(seated.getPosTableName()).isEqualTo("Tavolo 7");
        assertThat(asOwner(() -> syncLog.trace(restaurantId, reservation.getId()))).extracting(SyncLogEntry::getErrorCode)
                .doesNotContain("unmapped_table");
    }

    @Test
    void anUnmappedNameIsAcceptedFlaggedAndListedUntilLinkedThenUsed() {
        var first = api.post(pos, "/events", PosEvents.opened(newId(), start, "ord-2", "Giardino 4", 2));

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().get("effect").asString()).isEqualTo("WALK_IN_CREATED");
        long walkIn = WireIds.parseReservation(first.json().get("reservationId").asString()).orElseThrow();
        assertThat(reload(walkIn).getTable()).isNull();
        assertThat(asOwner(() -> syncLog.trace(restaurantId, walkIn))).extracting(SyncLogEntry::getErrorCode)
                .containsExactly("unmapped_table");
        PosTableName listed = giardino();
        assertThat(listed.state()).isEqualTo(LinkState.UNMATCHED);
        assertThat(listed.unmappedEvents()).isEqualTo(1);
        assertThat(asOwner(() -> tableNames.unmatchedCount(restaurantId))).isEqualTo(2);

        asOwner(() -> tableNames.link(restaurantId, pos.connectionId(), "Giardino 4", t7.getId()));
        var second = api.post(pos, "/events", PosEvents.opened(newId(), start, "ord-3", "Giardino 4", 2));

        long next = WireIds.parseReservation(second.json().get("reservationId").asString()).orElseThrow();
        assertThat(reload(next).getTable().getId()).isEqualTo(t7.getId());
        assertThat(giardino().state()).isEqualTo(LinkState.LINKED);
        assertThat(giardino().unmappedEvents()).isEqualTo(1);
        assertThat(asOwner(() -> tableNames.unmatchedCount(restaurantId))).isEqualTo(1);
    }

    @Test
    void aNameUnlinkedOnPurposeNoLongerSeatsAtItsNamesake() {
        asOwner(() -> tableNames.unlink(restaurantId, pos.connectionId(), "T7"));

        var reply = api.post(pos, "/events", PosEvents.opened(newId(), start, "ord-4", "T7", 2));

        long walkIn = WireIds.parseReservation(reply.json().get("reservationId").asString()).orElseThrow();
        assertThat(reload(walkIn).getTable()).isNull();
        assertThat(reload(walkIn).getPosTableName()).isEqualTo("T7");
    }

    private PosTableName giardino() {
        return asOwner(() -> tableNames.reconciliation(restaurantId)).getFirst().posNames().stream()
                .filter(name -> name.name().equals("Giardino 4"))
                .findFirst().orElseThrow();
    }

    private Reservation reload(long reservationId) {
        return asOwner(() -> reservations.get(restaurantId, reservationId));
    }

    private <T> T asOwner(Supplier<T> block) {
        fixtures.useAuthentication(owner);
        try {
            return block.get();
        } finally {
            fixtures.useAuthentication(null);
        }
    }
}
