package io.passerelle.sync.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.PartnerStyle;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.sync.SyncService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * Sync: the current restaurant's push connections, each with its health and "Sync reservations now"
 * (progress pushed live, cancel, summary). Pull-style POS systems fetch reservations themselves.
 */
@Route("sync")
@Menu(order = 45, title = "nav.sync", icon = "vaadin:refresh")
@PermitAll
class SyncView extends VerticalLayout implements HasDynamicTitle {

    SyncView(SyncService sync, ConnectionService connections, PartnerCatalogue catalogue,
            CurrentRestaurant currentRestaurant) {
        setId("sync-view");
        currentRestaurant.get().ifPresentOrElse(restaurant -> {
            add(new Paragraph(getTranslation("sync.view.intro")));
            List<PartnerConnection> push = connections.connections(restaurant.id()).stream()
                    .filter(connection -> connection.getStyle() == PartnerStyle.PUSH)
                    .toList();
            if (push.isEmpty()) {
                add(emptyState("sync-no-connection", "sync.view.no-push-connection"));
            }
            push.forEach(connection -> add(new ConnectionSyncPanel(sync, restaurant, connection,
                    catalogue.byCode(connection.getPartnerCode()).map(PartnerDescriptor::name)
                            .orElse(connection.getPartnerCode()))));
        }, () -> add(emptyState("sync-no-restaurant", "sync.view.no-restaurant")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.sync");
    }

    private Paragraph emptyState(String id, String key) {
        var empty = new Paragraph(getTranslation(key));
        empty.addClassName("empty-state");
        empty.setId(id);
        return empty;
    }
}
