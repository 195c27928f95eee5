package io.passerelle.reservation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WalkInMergeRepository extends JpaRepository<WalkInMerge, Long> {

    Optional<WalkInMerge> findByRestaurantIdAndWalkInId(long restaurantId, long walkInId);
}
