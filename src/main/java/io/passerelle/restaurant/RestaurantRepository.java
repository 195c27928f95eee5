package io.passerelle.restaurant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RestaurantRepository extends JpaRepository<Restaurant, Long> {

    boolean existsByPublicId(int publicId);

    boolean existsByIdAndResellerId(long id, long resellerId);

    boolean existsByResellerIdAndNameIgnoreCase(long resellerId, String name);

    boolean existsByResellerIdAndNameIgnoreCaseAndIdNot(long resellerId, String name, long id);

    @EntityGraph(attributePaths = "reseller")
    Optional<Restaurant> findWithResellerById(long id);

    @EntityGraph(attributePaths = "reseller")
    Optional<Restaurant> findByPublicId(int publicId);

    @EntityGraph(attributePaths = "reseller")
    List<Restaurant> findWithResellerByIdIn(Collection<Long> ids);

    @EntityGraph(attributePaths = "reseller")
    @Query("""
            select r from Restaurant r
            where (:all = true or r.reseller.id = :resellerId or r.id in :ids)
              and (:contains is null or lower(r.name) like :contains escape '!'
                   or cast(r.publicId as string) like :startsWith escape '!')
            """)
    Page<Restaurant> search(boolean all, Long resellerId, Collection<Long> ids, String contains, String startsWith,
            Pageable pageable);
}
