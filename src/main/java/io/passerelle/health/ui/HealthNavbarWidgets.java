package io.passerelle.health.ui;

import com.vaadin.flow.component.Component;
import io.passerelle.health.ConnectionHealthService;
import io.passerelle.health.LiveUpdates;
import io.passerelle.health.NotificationService;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.security.CurrentUser;
import io.passerelle.shell.NavbarWidget;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health module's part of every screen's navbar: the sync status of the current restaurant, then the bell. */
@Configuration(proxyBeanMethods = false)
class HealthNavbarWidgets {

    @Bean
    NavbarWidget syncStatusWidget(ConnectionHealthService health, ObjectProvider<CurrentRestaurant> currentRestaurant,
            LiveUpdates updates, UiTicker ticker, Clock clock) {
        return widget(10, () -> new SyncStatusBadge(health, currentRestaurant.getObject(), updates, ticker, clock));
    }

    @Bean
    NavbarWidget notificationBellWidget(NotificationService notifications, CurrentUser currentUser,
            LiveUpdates updates, Clock clock) {
        return widget(20, () -> new NotificationBell(notifications, currentUser, updates, clock));
    }

    private static NavbarWidget widget(int order, java.util.function.Supplier<Component> factory) {
        return new NavbarWidget() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public Component create() {
                return factory.get();
            }
        };
    }
}
