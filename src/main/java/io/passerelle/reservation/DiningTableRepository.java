package io.passerelle.reservation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DiningTableRepository extends JpaRepository<DiningTable, Long> {

    @EntityGraph(attributePaths = "room")
    List<DiningTable> findByRestaurantIdOrderByNameAsc(long restaurantId);

    @EntityGraph(attributePaths = "room")
    Optional<DiningTable> findByIdAndRestaurantId(long id, long restaurantId);

    @EntityGraph(attributePaths = "room")
    Optional<DiningTable> findByRestaurantIdAndName(long restaurantId, String name);

    /** Id and name only: no entity, no graph. The names compare by the column's collation (case-insensitive). */
    @Query("select t.id, t.name from DiningTable t where t.restaurantId = :restaurantId and t.name in :names")
    List<Object[]> findIdsByRestaurantIdAndNameIn(long restaurantId, Collection<String> names);

    boolean existsByRestaurantIdAndNameIgnoreCase(long restaurantId, String name);

    boolean existsByRestaurantIdAndNameIgnoreCaseAndIdNot(long restaurantId, String name, long id);
}
