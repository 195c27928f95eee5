package io.passerelle.restaurant;

import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.shared.SearchPattern;
import io.passerelle.shared.database.DuplicateKey;
import io.passerelle.shared.database.DuplicateKeyRefusals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Restaurants and resellers. Everyone reads what their role lets them see; onboarding creates. */
@Service
@Validated
public class RestaurantService implements DuplicateKeyRefusals {

    private static final String STAFF = "hasAnyRole('ONBOARDING', 'ADMIN')";
    /** Stand-in for "no ids": SQL has no empty IN list. */
    private static final Set<Long> NO_IDS = Set.of(-1L);

    private final RestaurantRepository restaurants;
    private final ResellerRepository resellers;
    private final RestaurantAccess access;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RestaurantService(RestaurantRepository restaurants, ResellerRepository resellers, RestaurantAccess access,
            Clock clock) {
        this.restaurants = restaurants;
        this.resellers = resellers;
        this.access = access;
        this.clock = clock;
    }

    /** The restaurants the current user may see, filtered by name or public ID. */
    @Transactional(readOnly = true)
    public Page<Restaurant> search(String text, Pageable pageable) {
        RestaurantScope scope = access.scope();
        Set<Long> ids = scope.restaurantIds().isEmpty() ? NO_IDS : scope.restaurantIds();
        return restaurants.search(scope.all(), scope.resellerId(), ids, SearchPattern.contains(text),
                SearchPattern.startsWith(text), pageable);
    }

    @Transactional(readOnly = true)
    public RestaurantRef get(long restaurantId) {
        access.check(restaurantId);
        return restaurants.findWithResellerById(restaurantId)
                .map(Restaurant::toRef)
                .orElseThrow(() -> NotFoundException.forId("Restaurant", restaurantId));
    }

    @Transactional(readOnly = true)
    public Restaurant getForEditing(long restaurantId) {
        access.check(restaurantId);
        return restaurants.findWithResellerById(restaurantId)
                .orElseThrow(() -> NotFoundException.forId("Restaurant", restaurantId));
    }

    /** For machine callers (the sync engine, jobs) acting for the platform: no user, so no tenant wall. */
    @Transactional(readOnly = true)
    public RestaurantRef getForMachine(long restaurantId) {
        return restaurants.findWithResellerById(restaurantId)
                .map(Restaurant::toRef)
                .orElseThrow(() -> NotFoundException.forId("Restaurant", restaurantId));
    }

    /** {@link #getForMachine(long)} for many restaurants in one query (the sync engine's batches), by id. */
    @Transactional(readOnly = true)
    public Map<Long, RestaurantRef> getForMachine(Collection<Long> restaurantIds) {
        if (restaurantIds.isEmpty()) {
            return Map.of();
        }
        return restaurants.findWithResellerByIdIn(restaurantIds).stream()
                .collect(Collectors.toMap(Restaurant::getId, Restaurant::toRef));
    }

    /** For machine callers (the POS API, jobs): no user, the public ID is the credential's subject. */
    @Transactional(readOnly = true)
    public Optional<RestaurantRef> findByPublicId(int publicId) {
        return restaurants.findByPublicId(publicId).map(Restaurant::toRef);
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Restaurant create(@Valid CreateRestaurant command) {
        return insert(command, newPublicId());
    }

    private Restaurant insert(CreateRestaurant command, int publicId) {
        Reseller reseller = reseller(command.resellerId());
        String name = command.name().strip();
        if (restaurants.existsByResellerIdAndNameIgnoreCase(reseller.getId(), name)) {
            throw duplicateName();
        }
        var restaurant = new Restaurant(publicId, name, command.timeZone(), command.locale(), reseller,
                clock.instant());
        return restaurants.save(restaurant);
    }

    /**
     * Creates a restaurant under a public ID agreed beforehand (a demo till configured with it, or a
     * restaurant moved from another installation).
     */
    @PreAuthorize(STAFF)
    @Transactional
    public Restaurant createWithPublicId(@Valid CreateRestaurant command, int publicId) {
        if (publicId < Restaurant.PUBLIC_ID_MIN || publicId > Restaurant.PUBLIC_ID_MAX) {
            throw new RuleViolationException("publicId", "restaurant.error.public-id-range",
                    "A public ID has six digits", Restaurant.PUBLIC_ID_MIN, Restaurant.PUBLIC_ID_MAX);
        }
        if (restaurants.existsByPublicId(publicId)) {
            throw publicIdTaken();
        }
        return insert(command, publicId);
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Restaurant update(@Valid UpdateRestaurant command) {
        Restaurant restaurant = getForEditing(command.restaurantId());
        Reseller reseller = reseller(command.resellerId());
        String name = command.name().strip();
        if (restaurants.existsByResellerIdAndNameIgnoreCaseAndIdNot(reseller.getId(), name, restaurant.getId())) {
            throw duplicateName();
        }
        restaurant.update(name, command.timeZone(), command.locale(), reseller);
        return restaurant;
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Reseller> resellers() {
        return resellers.findAllByOrderByNameAsc();
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Reseller createReseller(@NotBlank @Size(max = Reseller.NAME_MAX_LENGTH) String name) {
        String trimmed = name.strip();
        if (resellers.existsByNameIgnoreCase(trimmed)) {
            throw resellerNameTaken();
        }
        return resellers.save(new Reseller(trimmed, clock.instant()));
    }

    private Reseller reseller(long resellerId) {
        return resellers.findById(resellerId).orElseThrow(() -> new RuleViolationException("resellerId",
                "restaurant.error.unknown-reseller", "Unknown reseller"));
    }

    /** Two people racing to the same name or public ID: the loser reads what the checks above tell. */
    @Override
    public Optional<RuleViolationException> refusalOf(DuplicateKey duplicate) {
        return switch (duplicate.constraint()) {
            case "uk_restaurant_reseller_name" -> Optional.of(duplicateName());
            case "uk_restaurant_public_id" -> Optional.of(publicIdTaken());
            case "uk_reseller_name" -> Optional.of(resellerNameTaken());
            default -> Optional.empty();
        };
    }

    private static RuleViolationException resellerNameTaken() {
        return new RuleViolationException("name", "reseller.error.name-taken", "Reseller name already in use");
    }

    private static RuleViolationException publicIdTaken() {
        return new RuleViolationException("publicId", "restaurant.error.public-id-taken", "Public ID already in use");
    }

    private static RuleViolationException duplicateName() {
        return new RuleViolationException("name", "restaurant.error.name-taken",
                "This reseller already has a restaurant with that name");
    }

    private int newPublicId() {
        int candidate;
        do {
            candidate = Restaurant.PUBLIC_ID_MIN + random.nextInt(Restaurant.PUBLIC_ID_MAX - Restaurant.PUBLIC_ID_MIN + 1);
        } while (restaurants.existsByPublicId(candidate));
        return candidate;
    }
}
