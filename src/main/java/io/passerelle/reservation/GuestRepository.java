package io.passerelle.reservation;

import io.passerelle.shared.SearchPattern;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GuestRepository extends JpaRepository<Guest, Long> {

    Optional<Guest> findByIdAndRestaurantId(long id, long restaurantId);

    /** Patterns from {@link SearchPattern}; null matches everyone. The mobile is searched without separators. */
    @Query("""
            select g from Guest g
            where g.restaurantId = :restaurantId
              and (:pattern is null
                   or lower(concat(g.firstName, ' ', g.lastName)) like :pattern escape '!'
                   or lower(concat(g.lastName, ' ', g.firstName)) like :pattern escape '!'
                   or lower(g.email) like :pattern escape '!'
                   or g.mobile like :mobilePattern escape '!')
            """)
    Page<Guest> search(long restaurantId, String pattern, String mobilePattern, Pageable pageable);
}
