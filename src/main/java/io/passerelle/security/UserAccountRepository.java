package io.passerelle.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCase(String email);

    @Query(value = """
            select new io.passerelle.security.UserSummary(
                u.id, u.email, u.displayName, u.role, u.resellerId, size(u.restaurantIds), u.enabled)
            from UserAccount u
            where :pattern is null or lower(u.email) like :pattern escape '!'
               or lower(u.displayName) like :pattern escape '!'
            """, countQuery = """
            select count(u) from UserAccount u
            where :pattern is null or lower(u.email) like :pattern escape '!'
               or lower(u.displayName) like :pattern escape '!'
            """)
    Page<UserSummary> search(String pattern, Pageable pageable);

    @EntityGraph(attributePaths = "restaurantIds")
    Optional<UserAccount> findWithRestaurantsById(long id);

    /** Enabled owners of the restaurant and enabled support staff of its reseller. */
    @Query("""
            select distinct u from UserAccount u left join u.restaurantIds r
            where u.enabled = true
              and ((u.role = io.passerelle.security.AppRole.OWNER and r = :restaurantId)
                or (u.role = io.passerelle.security.AppRole.RESELLER_SUPPORT and u.resellerId = :resellerId))
            """)
    List<UserAccount> findPeopleResponsibleFor(long restaurantId, long resellerId);

    @Query("select count(u) > 0 from UserAccount u join u.restaurantIds r where u.id = :userId and r = :restaurantId")
    boolean ownsRestaurant(long userId, long restaurantId);
}
