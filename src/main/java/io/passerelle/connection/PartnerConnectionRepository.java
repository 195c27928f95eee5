package io.passerelle.connection;

import io.passerelle.partner.PartnerCategory;
import io.passerelle.partner.PartnerStyle;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

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
}
