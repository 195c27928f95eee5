package io.passerelle.security;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCase(String email);

    @Query("""
            select u from UserAccount u
            where :text is null or lower(u.email) like lower(concat('%', :text, '%'))
               or lower(u.displayName) like lower(concat('%', :text, '%'))
            """)
    Page<UserAccount> search(String text, Pageable pageable);

    @Query("select count(u) > 0 from UserAccount u join u.restaurantIds r where u.id = :userId and r = :restaurantId")
    boolean ownsRestaurant(long userId, long restaurantId);
}
