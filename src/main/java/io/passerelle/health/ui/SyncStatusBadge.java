package io.passerelle.health.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import io.passerelle.health.ConnectionHealthService;
import io.passerelle.health.LiveUpdates;
import io.passerelle.health.Staleness;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.restaurant.RestaurantRef;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * "Last successful sync N minutes ago" for the current restaurant, in every screen's navbar: green, amber, then
 * red as it gets stale. Read once through the service when shown; then fresh syncs arrive by Push and a timer
 * re-renders the age, both without calling a service off the request thread (no signed-in person there).
 */
class SyncStatusBadge extends Span {

    private final ConnectionHealthService health;
    private final CurrentRestaurant currentRestaurant;
    private final LiveUpdates updates;
    private final UiTicker ticker;
    private final Clock clock;
    private Instant lastSync;
    private Registration syncs;
    private Registration ticks;

    SyncStatusBadge(ConnectionHealthService health, CurrentRestaurant currentRestaurant, LiveUpdates updates,
            UiTicker ticker, Clock clock) {
        this.health = health;
        this.currentRestaurant = currentRestaurant;
        this.updates = updates;
        this.ticker = ticker;
        this.clock = clock;
        setId("sync-status");
        getElement().setAttribute("role", "status");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Optional<RestaurantRef> restaurant = currentRestaurant.get();
        setVisible(restaurant.isPresent());
        if (restaurant.isEmpty()) {
            return;
        }
        long restaurantId = restaurant.get().id();
        lastSync = health.lastSuccessfulSync(restaurantId).orElse(null);
        render();
        UI ui = event.getUI();
        syncs = updates.restaurantSynced().register(restaurantId, at -> ui.access(() -> {
            if (lastSync == null || at.isAfter(lastSync)) {
                lastSync = at;
            }
            render();
        }));
        ticks = ticker.every(() -> ui.access(this::render));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (syncs != null) {
            syncs.remove();
            ticks.remove();
            syncs = null;
        }
    }

    private void render() {
        Staleness staleness = health.staleness(lastSync);
        setText(lastSync == null ? getTranslation("health.sync.never")
                : getTranslation("health.sync.last", Formats.age(this, lastSync, clock.instant())));
        getElement().getThemeList().clear();
        getElement().getThemeList().add("badge " + switch (staleness) {
            case FRESH -> "success";
            case AMBER -> "warning";
            case RED -> "error";
        });
        getElement().setAttribute("data-staleness", staleness.name().toLowerCase(Locale.ROOT));
    }
}
