package io.passerelle.health;

import io.passerelle.health.HealthStore.Episode;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.Recipient;
import io.passerelle.security.UserAccountService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Tells the restaurant's owners and its reseller's support when a connection has failed for longer than
 * {@code passerelle.alerts.failing-after}, and again when it recovers: once per failure episode, whichever
 * node runs the check (a conditional update decides who announces). Machine side: run by a Quartz job.
 */
@Service
public class ConnectionAlerts {

    private static final Logger log = LoggerFactory.getLogger(ConnectionAlerts.class);
    /** Hourly figures are kept a day longer than the chart shows, for the restaurant's time zone. */
    private static final Duration FIGURES_KEPT = Duration.ofDays(ConnectionHealthService.CHART_DAYS + 2);

    private final HealthStore store;
    private final NotificationService notifications;
    private final AlertMailer mailer;
    private final RestaurantService restaurants;
    private final UserAccountService accounts;
    private final PartnerCatalogue catalogue;
    private final AlertSettings settings;
    private final Clock clock;

    ConnectionAlerts(HealthStore store, NotificationService notifications, AlertMailer mailer,
            RestaurantService restaurants, UserAccountService accounts, PartnerCatalogue catalogue,
            AlertSettings settings, Clock clock) {
        this.store = store;
        this.notifications = notifications;
        this.mailer = mailer;
        this.restaurants = restaurants;
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
    }

    /** Announces new long failures and ended episodes; returns how many announcements this node made. */
    public int check() {
        Instant now = clock.instant();
        int announced = 0;
        for (Episode ended : store.endedAnnouncedEpisodes()) {
            if (store.claimRecovery(ended)) {
                announce(ended, NotificationKind.CONNECTION_RECOVERED);
                announced++;
            }
        }
        for (Episode failing : store.unannouncedFailures(now.minus(settings.failingAfter()))) {
            if (store.claimAnnouncement(failing)) {
                announce(failing, NotificationKind.CONNECTION_FAILING);
                announced++;
            }
        }
        store.purgeHoursBefore(now.minus(FIGURES_KEPT));
        return announced;
    }

    private void announce(Episode episode, NotificationKind kind) {
        try {
            RestaurantRef restaurant = restaurants.getForMachine(episode.restaurantId());
            String partner = store.find(episode.restaurantId(), episode.connectionId())
                    .map(record -> catalogue.byCode(record.partnerCode()).map(PartnerDescriptor::name)
                            .orElse(record.partnerCode()))
                    .orElse("");
            String subject = restaurant.displayName() + " – " + partner;
            List<Recipient> recipients = accounts.peopleResponsibleFor(restaurant.id(), restaurant.resellerId());
            notifications.notify(recipients, restaurant.id(), episode.connectionId(), kind, subject);
            mailer.send(recipients, kind, subject);
        } catch (RuntimeException e) {
            log.error("Announcing {} of connection {} failed", kind, episode.connectionId(), e);
        }
    }
}
