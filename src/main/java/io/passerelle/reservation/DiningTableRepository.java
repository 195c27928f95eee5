package io.passerelle.reservation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface DiningTableRepository extends JpaRepository<DiningTable, Long> {

    @EntityGraph(attributePaths = "room")
    List<DiningTable> findByRestaurantIdOrderByNameAsc(long restaurantId);

    @EntityGraph(attributePaths = "room")
    Optional<DiningTable> findByIdAndRestaurantId(long id, long restaurantId);

    boolean existsByRestaurantIdAndNameIgnoreCase(long restaurantId, String name);

    boolean existsByRestaurantIdAndNameIgnoreCaseAndIdNot(long restaurantId, String name, long id);
}
