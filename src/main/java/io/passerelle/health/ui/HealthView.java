package io.passerelle.health.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.passerelle.health.ConnectionHealthRow;
import io.passerelle.health.ConnectionHealthService;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Connection health: every connection the person may see (onboarding all, support their reseller's, an owner
 * their restaurants'), most urgent first, connections failing for more than an hour on top. Lazy: a page of
 * rows and their figures per fetch.
 */
@Route("health")
@Menu(order = 47, title = "nav.health", icon = "vaadin:heart")
@PermitAll
class HealthView extends VerticalLayout implements HasDynamicTitle {

    HealthView(ConnectionHealthService health, PartnerCatalogue catalogue, Clock clock) {
        setId("health-view");
        setSizeFull();
        add(new Paragraph(getTranslation("health.view.intro")));
        var grid = new Grid<ConnectionHealthRow>();
        grid.setId("health-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ConnectionHealthRow::restaurantName).setKey("restaurant")
                .setHeader(getTranslation("health.column.restaurant")).setAutoWidth(true);
        grid.addColumn(row -> catalogue.byCode(row.partnerCode()).map(PartnerDescriptor::name).orElse(row.partnerCode()))
                .setKey("partner").setHeader(getTranslation("health.column.partner")).setAutoWidth(true);
        grid.addComponentColumn(this::stateBadge).setKey("state").setHeader(getTranslation("health.column.state"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.failingSince() == null ? ""
                        : Formats.age(this, row.failingSince(), clock.instant()))
                .setKey("failingSince").setHeader(getTranslation("health.column.failing-since")).setAutoWidth(true);
        grid.addColumn(row -> Formats.dateTime(this, row.lastSuccessfulSync(), row.timeZone())).setKey("lastSync")
                .setHeader(getTranslation("health.column.last-sync")).setAutoWidth(true);
        grid.addColumn(row -> Formats.dateTime(this, row.lastPosContact(), row.timeZone())).setKey("lastContact")
                .setHeader(getTranslation("health.column.last-contact")).setAutoWidth(true);
        grid.addColumn(ConnectionHealthRow::deliveries24h).setKey("deliveries")
                .setHeader(getTranslation("health.column.deliveries")).setAutoWidth(true);
        grid.addColumn(ConnectionHealthRow::failures24h).setKey("failures")
                .setHeader(getTranslation("health.column.failures")).setAutoWidth(true);
        grid.addColumn(row -> averageDelay(row.averageDelay())).setKey("delay")
                .setHeader(getTranslation("health.column.delay")).setAutoWidth(true);
        grid.addComponentColumn(row -> HealthChart.of(row.lastSevenDays(), getLocale(),
                        getTranslation("health.chart.day")))
                .setKey("chart").setHeader(getTranslation("health.column.chart")).setAutoWidth(true);
        grid.setItems(query -> health.page(query.getOffset(), query.getLimit()).stream(), query -> (int) health.count());
        grid.setEmptyStateText(getTranslation("health.view.empty"));
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.health");
    }

    private Span stateBadge(ConnectionHealthRow row) {
        var badge = new Span(getTranslation(row.state().labelKey()));
        badge.getElement().getThemeList().add("badge " + switch (row.state()) {
            case FAILING -> "error";
            case DEGRADED -> "warning";
            case HEALTHY -> "success";
            case DISABLED -> "contrast";
        });
        badge.addClassName("health-" + row.state().name().toLowerCase(Locale.ROOT));
        return badge;
    }

    private String averageDelay(Duration delay) {
        if (delay == null) {
            return "";
        }
        return delay.toSeconds() < 1 ? getTranslation("health.delay.milliseconds", delay.toMillis())
                : getTranslation("health.delay.seconds", delay.toSeconds());
    }
}
