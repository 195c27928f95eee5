package io.passerelle.reservation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RoomRepository extends JpaRepository<Room, Long> {

    List<Room> findByRestaurantIdOrderByNameAsc(long restaurantId);

    Optional<Room> findByIdAndRestaurantId(long id, long restaurantId);

    boolean existsByRestaurantIdAndNameIgnoreCase(long restaurantId, String name);

    boolean existsByRestaurantIdAndNameIgnoreCaseAndIdNot(long restaurantId, String name, long id);
}
