package io.passerelle.reservation;

import io.passerelle.shared.SearchPattern;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReservationRepository extends JpaRepository<Reservation, Long>, JpaSpecificationExecutor<Reservation> {

    @EntityGraph(attributePaths = {"guest", "table"})
    Optional<Reservation> findByIdAndRestaurantId(long id, long restaurantId);

    @EntityGraph(attributePaths = {"guest", "table"})
    List<Reservation> findByIdInAndRestaurantIdIn(Collection<Long> ids, Collection<Long> restaurantIds);

    @Override
    @EntityGraph(attributePaths = {"guest", "table"})
    Page<Reservation> findAll(Specification<Reservation> specification, Pageable pageable);

    long countByTableId(long tableId);

    /** Locked: events about one reservation are applied one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Reservation r where r.id = :id and r.restaurantId = :restaurantId")
    Optional<Reservation> lockByIdAndRestaurantId(long id, long restaurantId);

    /** Confirmed reservations on a table starting in [from, to], the nearest first is up to the caller. */
    @Query("""
            select r from Reservation r
            where r.restaurantId = :restaurantId and r.table.id = :tableId and r.status = :status
              and r.start between :from and :to
            order by r.start, r.id
            """)
    List<Reservation> findOnTableStartingBetween(long restaurantId, long tableId, ReservationStatus status,
            Instant from, Instant to);

    /** Reservations starting in [from, to) with their guest and table, merged walk-ins left out; by start. */
    @Query("""
            select r from Reservation r left join fetch r.guest left join fetch r.table
            where r.restaurantId = :restaurantId and r.start >= :from and r.start < :to and r.mergedIntoId is null
            order by r.start, r.id
            """)
    List<Reservation> findUnmergedStartingBetween(long restaurantId, Instant from, Instant to);

    /**
     * The pull feed: starting in [from, to), settled, in change order; changed after {@code after} if starting in
     * [caughtUpFrom, caughtUpTo), else after {@code othersAfter}.
     */
    @Query("""
            select r from Reservation r left join fetch r.guest left join fetch r.table
            where r.restaurantId = :restaurantId and r.start >= :from and r.start < :to
              and r.updatedAt <= :settledBefore
              and ((r.start >= :caughtUpFrom and r.start < :caughtUpTo
                    and (r.updatedAt > :afterUpdatedAt or (r.updatedAt = :afterUpdatedAt and r.id > :afterId)))
                or ((r.start < :caughtUpFrom or r.start >= :caughtUpTo)
                    and (r.updatedAt > :othersAfterUpdatedAt
                         or (r.updatedAt = :othersAfterUpdatedAt and r.id > :othersAfterId))))
            order by r.updatedAt, r.id
            """)
    List<Reservation> findChangedAfter(long restaurantId, Instant from, Instant to, Instant settledBefore,
            Instant caughtUpFrom, Instant caughtUpTo, Instant afterUpdatedAt, long afterId,
            Instant othersAfterUpdatedAt, long othersAfterId, Limit limit);

    @Query("""
            select new io.passerelle.reservation.ReservationVersion(r.id, r.version, r.status) from Reservation r
            where r.restaurantId = :restaurantId and r.start >= :from and r.start < :to and r.id > :afterId
            order by r.id""")
    List<ReservationVersion> findVersions(long restaurantId, Instant from, Instant to, long afterId, Limit limit);

    long countByRestaurantIdAndStartGreaterThanEqualAndStartLessThan(long restaurantId, Instant from, Instant to);

    long countByRestaurantIdAndGuestId(long restaurantId, long guestId);

    long countByRestaurantIdAndGuestIdAndStatusIn(long restaurantId, long guestId,
            Collection<ReservationStatus> statuses);

    /**
     * One restaurant's reservations starting in [from, to) (either may be null) that match the filter, merged
     * walk-ins left out.
     */
    static Specification<Reservation> matching(long restaurantId, Instant from, Instant to, ReservationFilter filter) {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            predicates.add(cb.equal(root.get("restaurantId"), restaurantId));
            // a walk-in merged into its booking is that booking now
            predicates.add(cb.isNull(root.get("mergedIntoId")));
            if (from != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("start"), from));
            }
            if (to != null) {
                predicates.add(cb.lessThan(root.get("start"), to));
            }
            if (!filter.statuses().isEmpty()) {
                predicates.add(root.get("status").in(filter.statuses()));
            }
            if (filter.guestId() != null) {
                predicates.add(cb.equal(root.get("guest").get("id"), filter.guestId()));
            }
            String pattern = SearchPattern.contains(filter.text());
            if (pattern != null) {
                Join<Reservation, Guest> guest = root.join("guest", JoinType.LEFT);
                Join<Reservation, DiningTable> table = root.join("table", JoinType.LEFT);
                Expression<String> firstName = guest.get("firstName");
                Expression<String> lastName = guest.get("lastName");
                Expression<String> fullName = cb.concat(cb.concat(firstName, " "), lastName);
                Expression<String> reversedName = cb.concat(cb.concat(lastName, " "), firstName);
                predicates.add(cb.or(
                        cb.like(cb.lower(fullName), pattern, SearchPattern.ESCAPE),
                        cb.like(cb.lower(reversedName), pattern, SearchPattern.ESCAPE),
                        cb.like(guest.get("mobile"), pattern, SearchPattern.ESCAPE),
                        cb.like(cb.lower(guest.get("email")), pattern, SearchPattern.ESCAPE),
                        cb.like(cb.lower(table.get("name")), pattern, SearchPattern.ESCAPE),
                        cb.like(cb.lower(root.get("notes")), pattern, SearchPattern.ESCAPE)));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
