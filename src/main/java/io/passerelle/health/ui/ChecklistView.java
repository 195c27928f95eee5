package io.passerelle.health.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.health.ChecklistItem;
import io.passerelle.health.ChecklistStep;
import io.passerelle.health.OnboardingChecklistService;
import io.passerelle.health.StepStatus;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.restaurant.RestaurantRef;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;

/**
 * The onboarding pre-flight of the current restaurant's connections: each step turns green when the real
 * state says so. "Test credentials" runs the connection's credential test, "Check pay at table" asks its pay-at-table
 * server about its installation ID; the time zone is confirmed by hand.
 */
@Route("checklist")
@Menu(order = 48, title = "nav.checklist", icon = "vaadin:check-square-o")
@PermitAll
class ChecklistView extends VerticalLayout implements HasDynamicTitle {

    private final OnboardingChecklistService checklists;
    private final ConnectionService connections;
    private final PartnerCatalogue catalogue;

    ChecklistView(OnboardingChecklistService checklists, ConnectionService connections, PartnerCatalogue catalogue,
            CurrentRestaurant currentRestaurant) {
        this.checklists = checklists;
        this.connections = connections;
        this.catalogue = catalogue;
        setId("checklist-view");
        currentRestaurant.get().ifPresentOrElse(this::show, () -> add(emptyState("checklist-no-restaurant",
                "health.checklist.no-restaurant")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.checklist");
    }

    private void show(RestaurantRef restaurant) {
        removeAll();
        add(new Paragraph(getTranslation("health.checklist.intro")));
        var list = connections.connections(restaurant.id());
        if (list.isEmpty()) {
            add(emptyState("checklist-no-connection", "health.checklist.no-connection"));
        }
        list.forEach(connection -> add(card(restaurant, connection)));
    }

    private Card card(RestaurantRef restaurant, PartnerConnection connection) {
        String prefix = "checklist-" + connection.getId();
        var card = new Card();
        card.setId(prefix);
        card.setTitle(catalogue.byCode(connection.getPartnerCode()).map(PartnerDescriptor::name)
                .orElse(connection.getPartnerCode()));
        var steps = new UnorderedList();
        steps.addClassName("checklist");
        List<ChecklistItem> items = checklists.checklist(restaurant.id(), connection.getId());
        for (ChecklistItem item : items) {
            var step = new ListItem(icon(item.status()), new Span(getTranslation(item.step().labelKey())),
                    new Span(" – " + getTranslation(item.status().labelKey())));
            if (item.detailKey() != null) {
                var detail = new Paragraph(getTranslation(item.detailKey()));
                detail.addClassName("step-detail");
                step.add(detail);
            }
            step.setId(prefix + "-" + item.step().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            step.addClassName("step-" + item.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            steps.add(step);
        }
        card.add(steps);
        var test = new Button(getTranslation("health.checklist.test-credentials"), click -> {
            var result = connections.testCredentials(restaurant.id(), connection.getId());
            Notification.show(getTranslation(result.outcome().labelKey()));
            show(restaurant);
        });
        test.setId(prefix + "-test");
        var confirm = new Button(getTranslation("health.checklist.confirm-time-zone", restaurant.timeZone().getId()),
                click -> {
                    checklists.confirmTimeZone(restaurant.id(), connection.getId());
                    show(restaurant);
                });
        confirm.setId(prefix + "-confirm-time-zone");
        card.addToFooter(test, confirm);
        boolean payAtTable = items.stream().anyMatch(item -> item.step() == ChecklistStep.PAY_AT_TABLE
                && item.status() != StepStatus.NOT_APPLICABLE);
        if (payAtTable) {
            var check = new Button(getTranslation("health.checklist.check-pay-at-table"), click -> {
                var result = connections.checkPayAtTable(restaurant.id(), connection.getId());
                Notification.show(getTranslation(result.outcome().messageKey()));
                show(restaurant);
            });
            check.setId(prefix + "-check-pay-at-table");
            card.addToFooter(check);
        }
        return card;
    }

    /** Green when done, red when a check found something wrong, grey otherwise. */
    private static Icon icon(StepStatus status) {
        Icon icon = switch (status) {
            case DONE -> VaadinIcon.CHECK_CIRCLE.create();
            case FAILED -> VaadinIcon.CLOSE_CIRCLE.create();
            default -> VaadinIcon.CIRCLE_THIN.create();
        };
        icon.setColor(switch (status) {
            case DONE -> "var(--lumo-success-color)";
            case FAILED -> "var(--lumo-error-color)";
            default -> "var(--lumo-contrast-50pct)";
        });
        icon.getElement().setAttribute("aria-hidden", "true");
        return icon;
    }

    private Paragraph emptyState(String id, String key) {
        var empty = new Paragraph(getTranslation(key));
        empty.addClassName("empty-state");
        empty.setId(id);
        return empty;
    }
}
