package io.passerelle.reservation;

import io.passerelle.shared.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A reservation in the book. The start is an instant (stored in UTC) and shown in the restaurant's
 * time zone. {@code version} increases with every change: it is the version the POS acknowledges.
 */
@Entity
public class Reservation {

    public static final int MIN_PARTY_SIZE = 1;
    public static final int MAX_PARTY_SIZE = 100;
    public static final int NOTES_MAX_LENGTH = 1000;
    /** A start further back than this is a typing mistake, not a reservation. */
    public static final int START_MAX_YEARS_IN_PAST = 1;
    /** Nor is a start further ahead than this. */
    public static final int START_MAX_YEARS_AHEAD = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "restaurant_id", nullable = false, updatable = false)
    private long restaurantId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "guest_id")
    private Guest guest;

    @Column(name = "start_at", nullable = false)
    private Instant start;

    @Column(name = "party_size", nullable = false)
    private int partySize;

    @Column(length = NOTES_MAX_LENGTH)
    private String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReservationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private ReservationSource source;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "table_id")
    private DiningTable table;

    /** The table name the POS reported, kept as text whether or not it matches a dining table. */
    @Column(name = "pos_table_name", length = DiningTable.NAME_MAX_LENGTH)
    private String posTableName;

    @Column(name = "pos_room_name", length = Room.NAME_MAX_LENGTH)
    private String posRoomName;

    /** The booking staff merged this duplicate walk-in into, or null. */
    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Reservation() {}

    Reservation(long restaurantId, ReservationSource source, ReservationStatus status, Instant now) {
        this.restaurantId = restaurantId;
        this.source = source;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Applies what the form holds. Returns whether anything changed: an edit that changes nothing
     * must not bump the version (the POS would be sent the same reservation again).
     */
    boolean edit(Instant start, int partySize, String notes, DiningTable table, Guest guest, Instant now) {
        Instant minute = start.truncatedTo(ChronoUnit.MINUTES);
        boolean changed = !minute.equals(this.start)
                || partySize != this.partySize
                || !Objects.equals(notes, this.notes)
                || !Objects.equals(idOf(table), idOf(this.table))
                || !Objects.equals(idOf(guest), idOf(this.guest));
        if (changed) {
            this.start = minute;
            this.partySize = partySize;
            this.notes = notes;
            this.table = table;
            this.guest = guest;
            this.updatedAt = now;
        }
        return changed;
    }

    void changeStatus(ReservationStatus next, Instant now) {
        status.checkChangeTo(next);
        this.status = next;
        this.updatedAt = now;
    }

    /**
     * The one way out of a missed status, outside the state machine on purpose: staff un-park a reservation that
     * should not have been missed. The caller audits it.
     */
    void restoreFromMissed(ReservationStatus restoreTo, Instant now) {
        if (!status.isMissed()) {
            throw new RuleViolationException("status", "reservation.error.not-missed",
                    "Only a missed reservation can be un-parked; this one is " + status);
        }
        if (!ReservationStatus.RESTORABLE.contains(restoreTo)) {
            throw new RuleViolationException("restoreTo", "reservation.error.restore-to",
                    "A missed reservation can be restored to " + ReservationStatus.RESTORABLE + " only, not " + restoreTo);
        }
        this.status = restoreTo;
        this.updatedAt = now;
    }

    /** The POS seated the guests: ARRIVED, at the table it named (matched to a dining table, or null). */
    void seat(DiningTable matchedTable, String posTable, String posRoom, Instant now) {
        changeStatus(ReservationStatus.ARRIVED, now);
        if (matchedTable != null) {
            this.table = matchedTable;
        }
        if (posTable != null) {
            this.posTableName = posTable;
        }
        if (posRoom != null) {
            this.posRoomName = posRoom;
        }
    }

    /**
     * Takes the place of a walk-in that duplicated this booking: its table, and how far it got (seated, or
     * finished), along the status table.
     */
    void absorb(Reservation walkIn, Instant now) {
        if (status == ReservationStatus.CONFIRMED) {
            changeStatus(ReservationStatus.ARRIVED, now);
        }
        if (walkIn.status == ReservationStatus.FINISHED && status != ReservationStatus.FINISHED) {
            changeStatus(ReservationStatus.FINISHED, now);
        }
        if (walkIn.table != null) {
            this.table = walkIn.table;
        }
        if (walkIn.posTableName != null) {
            this.posTableName = walkIn.posTableName;
        }
        if (walkIn.posRoomName != null) {
            this.posRoomName = walkIn.posRoomName;
        }
        this.updatedAt = now;
    }

    /** Staff merged this walk-in into the booking it duplicated: it stays in the book, marked. */
    void markMergedInto(long reservationId, Instant now) {
        this.mergedIntoId = reservationId;
        this.updatedAt = now;
    }

    /** A walk-in the POS reported: seated from the start, without a guest. */
    static Reservation walkIn(long restaurantId, Instant start, int partySize, DiningTable table, String posTable,
            Instant now) {
        var walkIn = new Reservation(restaurantId, ReservationSource.WALK_IN, ReservationStatus.ARRIVED, now);
        walkIn.start = start.truncatedTo(ChronoUnit.MINUTES);
        walkIn.partySize = partySize;
        walkIn.table = table;
        walkIn.posTableName = posTable;
        return walkIn;
    }

    private static Long idOf(DiningTable table) {
        return table == null ? null : table.getId();
    }

    private static Long idOf(Guest guest) {
        return guest == null ? null : guest.getId();
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public long getRestaurantId() {
        return restaurantId;
    }

    /** The guest, or null (a walk-in the POS reported without a name); loaded by the service's queries. */
    public Guest getGuest() {
        return guest;
    }

    public Instant getStart() {
        return start;
    }

    public int getPartySize() {
        return partySize;
    }

    public String getNotes() {
        return notes;
    }

    public ReservationStatus getStatus() {
        return status;
    }

    public ReservationSource getSource() {
        return source;
    }

    /** The table, or null; loaded by the service's queries. */
    public DiningTable getTable() {
        return table;
    }

    /** The table name the POS reported, or null. */
    public String getPosTableName() {
        return posTableName;
    }

    /** The room name the POS reported, or null. */
    public String getPosRoomName() {
        return posRoomName;
    }

    /** The booking this walk-in was merged into, or null. */
    public Long getMergedIntoId() {
        return mergedIntoId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public ReservationDetails toDetails() {
        return new ReservationDetails(start, partySize, notes, idOf(table), idOf(guest));
    }
}
