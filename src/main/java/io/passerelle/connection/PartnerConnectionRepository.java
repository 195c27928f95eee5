package io.passerelle.connection;

import io.passerelle.partner.PartnerCategory;
import io.passerelle.partner.PartnerStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PartnerConnectionRepository extends JpaRepository<PartnerConnection, Long> {

    List<PartnerConnection> findByRestaurantIdOrderByPartnerCode(long restaurantId);

    Optional<PartnerConnection> findByIdAndRestaurantId(long id, long restaurantId);

    boolean existsByRestaurantIdAndPartnerCode(long restaurantId, String partnerCode);

    Optional<PartnerConnection> findFirstByRestaurantIdAndCategoryAndEnabledTrueAndIdNot(long restaurantId,
            PartnerCategory category, long id);

    List<PartnerConnection> findByRestaurantIdAndStyleAndEnabledTrue(long restaurantId, PartnerStyle style);

    List<PartnerConnection> findByStyleAndEnabledTrueAndIdGreaterThanOrderById(PartnerStyle style, long afterId,
            Limit limit);

    Optional<PartnerConnection> findByIdAndStyleAndEnabledTrue(long id, PartnerStyle style);

    // What the machine records is written by these targeted updates, never through the entity: an entity update
    // checks the version it was read with, and a Save committed since would fail the write of a mere result.

    /** A POS call; within the contact precision of the last one recorded, and with no new version, a no-op. */
    @Modifying
    @Query("""
            update PartnerConnection c
               set c.lastSeenAt = :at, c.lastSeenPosVersion = coalesce(:posVersion, c.lastSeenPosVersion)
             where c.id = :id and c.restaurantId = :restaurantId
               and (c.lastSeenAt is null or c.lastSeenAt <= :recordedBefore
                    or (:posVersion is not null and (c.lastSeenPosVersion is null
                                                     or c.lastSeenPosVersion <> :posVersion)))""")
    void recordContact(long id, long restaurantId, Instant at, String posVersion, Instant recordedBefore);

    @Modifying
    @Query("""
            update PartnerConnection c
               set c.lastTestAt = :testedAt, c.lastTestOutcome = :outcome, c.lastTestPosVersion = :posVersion
             where c.id = :id and c.restaurantId = :restaurantId""")
    void recordTest(long id, long restaurantId, Instant testedAt, CredentialTestOutcome outcome, String posVersion);

    /** Only while the connection still has the server and installation ID checked: the check is about those. */
    @Modifying
    @Query("""
            update PartnerConnection c
               set c.payAtTableCheckedAt = :checkedAt, c.payAtTableCheckOutcome = :outcome
             where c.id = :id and c.restaurantId = :restaurantId
               and c.payAtTableServer = :server and c.installationId = :installationId""")
    void recordPayAtTableCheck(long id, long restaurantId, String server, String installationId, Instant checkedAt,
            PayAtTableCheckOutcome outcome);

    @Modifying
    @Query("""
            update PartnerConnection c set c.payAtTableCheckedAt = null, c.payAtTableCheckOutcome = null
             where c.id = :id and c.restaurantId = :restaurantId""")
    void clearPayAtTableCheck(long id, long restaurantId);
}
