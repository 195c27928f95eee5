package io.passerelle.restaurant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** A tenant. Everything a restaurant owns carries its id. */
@Entity
public class Restaurant {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int PUBLIC_ID_MIN = 100_000;
    public static final int PUBLIC_ID_MAX = 999_999;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** The number shown to the restaurant in brackets next to its name; the POS logs in with it. */
    @Column(name = "public_id", nullable = false, unique = true)
    private int publicId;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false, length = 16)
    private String locale;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reseller_id")
    private Reseller reseller;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Restaurant() {}

    Restaurant(int publicId, String name, ZoneId timeZone, Locale locale, Reseller reseller, Instant createdAt) {
        this.publicId = publicId;
        this.createdAt = createdAt;
        update(name, timeZone, locale, reseller);
    }

    void update(String name, ZoneId timeZone, Locale locale, Reseller reseller) {
        this.name = name;
        this.timeZone = timeZone.getId();
        this.locale = locale.toLanguageTag();
        this.reseller = reseller;
    }

    public Long getId() {
        return id;
    }

    public int getPublicId() {
        return publicId;
    }

    public String getName() {
        return name;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(locale);
    }

    public Reseller getReseller() {
        return reseller;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** How restaurants are named everywhere: "Trattoria da Mario [482913]". */
    public String getDisplayName() {
        return name + " [" + publicId + "]";
    }

    public RestaurantRef toRef() {
        return new RestaurantRef(id, publicId, name, getTimeZone(), reseller.getId(), getLocale());
    }
}
