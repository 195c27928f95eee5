package io.passerelle.connection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.PartnerEventType;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.restaurant.RestaurantRef;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Integrations > Partners: the catalogue grouped by category, one card per partner with the state of
 * the current restaurant's connection to it, and Connect / Manage.
 */
@Route("integrations")
@Menu(order = 40, title = "nav.integrations", icon = "vaadin:connect")
@PermitAll
class IntegrationsView extends VerticalLayout implements HasDynamicTitle {

    private final PartnerCatalogue catalogue;
    private final ConnectionService connections;

    IntegrationsView(PartnerCatalogue catalogue, ConnectionService connections, CurrentRestaurant currentRestaurant) {
        this.catalogue = catalogue;
        this.connections = connections;
        setId("integrations-view");
        currentRestaurant.get().ifPresentOrElse(this::showPartners, () -> {
            var empty = new Paragraph(getTranslation("connection.integrations.no-restaurant"));
            empty.addClassName("empty-state");
            empty.setId("integrations-no-restaurant");
            add(empty);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.integrations");
    }

    private void showPartners(RestaurantRef restaurant) {
        removeAll();
        add(new Paragraph(getTranslation("connection.integrations.intro")));
        Map<String, PartnerConnection> existing = connections.connections(restaurant.id()).stream()
                .collect(Collectors.toMap(PartnerConnection::getPartnerCode, Function.identity()));
        catalogue.byCategory().forEach((category, partners) -> {
            var cards = new Div();
            cards.addClassName("partner-cards");
            partners.forEach(partner -> cards.add(card(restaurant, partner, existing.get(partner.code()))));
            add(new H3(getTranslation(category.messageKey())), cards);
        });
    }

    private Card card(RestaurantRef restaurant, PartnerDescriptor partner, PartnerConnection connection) {
        var card = new Card();
        card.setId("partner-" + partner.code());
        card.addClassName("partner-card");
        card.setTitle(partner.name());
        card.setSubtitle(getTranslation(partner.style().messageKey()));
        card.add(line(getTranslation(partner.takesTableAssignments()
                ? "connection.card.table-assignments" : "connection.card.no-table-assignments")));
        if (partner.payAtTable()) {
            card.add(line(getTranslation("connection.card.pay-at-table")));
        }
        card.add(line(getTranslation("connection.card.events", partner.supportedEvents().stream()
                .map(PartnerEventType::messageKey).map(this::getTranslation).collect(Collectors.joining(", ")))));
        card.add(line(getTranslation("connection.card.minimum-version", partner.minimumPosVersion())));

        var status = new Span(getTranslation(connection == null ? "connection.status.not-connected"
                : connection.isEnabled() ? "connection.status.active" : "connection.status.disabled"));
        status.setId("partner-" + partner.code() + "-status");
        status.addClassName("status-badge");
        status.getElement().setAttribute("data-status", connection == null ? "NONE"
                : connection.isEnabled() ? "ACTIVE" : "DISABLED");
        card.setHeaderSuffix(status);
        if (connection != null) {
            connection.getLastTest().ifPresent(test -> card.add(line(getTranslation("connection.card.last-test",
                    getTranslation(test.outcome().labelKey())))));
        }

        var action = new Button(getTranslation(connection == null ? "connection.action.connect" : "connection.action.manage"),
                // read again on opening: what the card was built from may be stale by now
                click -> new ConnectionDialog(partner, restaurant,
                        connection == null ? null : connections.get(restaurant.id(), connection.getId()), connections,
                        () -> showPartners(restaurant)).open());
        action.setId("partner-" + partner.code() + "-action");
        if (connection == null) {
            action.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        card.addToFooter(action);
        return card;
    }

    private static Span line(String text) {
        var line = new Span(text);
        line.addClassName("partner-card-line");
        return line;
    }
}
