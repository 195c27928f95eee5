package io.passerelle.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * A restaurant's guest. The statistics (visits, covers, total spent) come from the bills the POS
 * closes; the average spend per cover is derived from them, never stored.
 */
@Entity
public class Guest {

    public static final int FIRST_NAME_MAX_LENGTH = 80;
    public static final int LAST_NAME_MAX_LENGTH = 80;
    /** "+" and at most 15 digits (E.164). */
    public static final int MOBILE_MAX_LENGTH = 16;
    public static final int EMAIL_MAX_LENGTH = 254;
    /** E.164: "+", a non-zero country code digit, 7 to 15 digits in all. */
    public static final String MOBILE_PATTERN = "\\+[1-9][0-9]{6,14}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "restaurant_id", nullable = false, updatable = false)
    private long restaurantId;

    @Column(name = "first_name", nullable = false, length = FIRST_NAME_MAX_LENGTH)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = LAST_NAME_MAX_LENGTH)
    private String lastName;

    @Column(length = MOBILE_MAX_LENGTH)
    private String mobile;

    @Column(length = EMAIL_MAX_LENGTH)
    private String email;

    @Column(nullable = false)
    private int visits;

    @Column(nullable = false)
    private int covers;

    @Column(name = "total_spent", nullable = false, precision = 12, scale = 2)
    private BigDecimal totalSpent = BigDecimal.ZERO;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Guest() {}

    Guest(long restaurantId, GuestDetails details, Instant now) {
        this.restaurantId = restaurantId;
        this.createdAt = now;
        update(details, now);
    }

    void update(GuestDetails details, Instant now) {
        this.firstName = details.firstName();
        this.lastName = details.lastName();
        this.mobile = details.mobile();
        this.email = details.email();
        this.updatedAt = now;
    }

    /**
     * A closed bill of a visit (one reservation) whose {@code earlierBills} were counted before. The visit counts
     * once and every bill's total is spent. Covers count the party once: a second round or a split bill is the same
     * people, so a visit's covers are its largest bill's; summing would double them and halve the average per cover
     * (a POS that divides the covers among the bills is undercounted instead, which the bills cannot tell apart).
     */
    void recordBill(PosOrder bill, List<PosOrder> earlierBills, Instant now) {
        int coversCounted = earlierBills.stream().mapToInt(PosOrder::getCovers).max().orElse(0);
        if (earlierBills.isEmpty()) {
            this.visits++;
        }
        this.covers += Math.max(0, bill.getCovers() - coversCounted);
        this.totalSpent = totalSpent.add(bill.getTotalAmount());
        this.updatedAt = now;
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

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFullName() {
        return firstName + " " + lastName;
    }

    /** E.164, or null. */
    public String getMobile() {
        return mobile;
    }

    public String getEmail() {
        return email;
    }

    public int getVisits() {
        return visits;
    }

    public int getCovers() {
        return covers;
    }

    public BigDecimal getTotalSpent() {
        return totalSpent;
    }

    /** Total spent divided by covers, to the cent; null while there are no covers to divide by. */
    public BigDecimal getAverageSpendPerCover() {
        if (covers == 0 || totalSpent == null) {
            return null;
        }
        return totalSpent.divide(BigDecimal.valueOf(covers), 2, RoundingMode.HALF_UP);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public GuestDetails toDetails() {
        return new GuestDetails(firstName, lastName, mobile, email);
    }
}
