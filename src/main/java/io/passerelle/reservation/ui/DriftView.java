package io.passerelle.reservation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.passerelle.reservation.Drift;
import io.passerelle.reservation.DriftReport;
import io.passerelle.reservation.DriftService;
import io.passerelle.reservation.DuplicateWalkIn;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * For the current restaurant and a period: the reservations the POS reported differently (status, table, covers),
 * and the walk-ins that probably duplicate a booking, which support staff can merge into it.
 */
@Route("drift")
@Menu(order = 36, title = "nav.drift", icon = "vaadin:scale-unbalance")
@PermitAll
class DriftView extends VerticalLayout implements HasDynamicTitle {

    private final DriftService drift;
    private final Clock clock;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<Drift> drifts = new Grid<>();
    private final Grid<DuplicateWalkIn> duplicates = new Grid<>();

    DriftView(CurrentRestaurant currentRestaurant, DriftService drift, Clock clock) {
        this.drift = drift;
        this.clock = clock;
        setId("drift-view");
        setSizeFull();
        currentRestaurant.get().ifPresentOrElse(this::showReport,
                () -> add(new NoRestaurantSelected("drift-no-restaurant")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.drift");
    }

    private void showReport(RestaurantRef restaurant) {
        LocalDate today = LocalDate.now(clock.withZone(restaurant.timeZone()));
        from.setId("drift-from");
        from.setLabel(getTranslation("reservation.filter.from"));
        from.setValue(today.minusDays(1));
        to.setId("drift-to");
        to.setLabel(getTranslation("reservation.filter.to"));
        to.setValue(today);
        var period = new HorizontalLayout(from, to);
        period.setAlignItems(FlexComponent.Alignment.BASELINE);

        var formats = new BookFormats(getLocale(), restaurant);
        configureDrifts(formats);
        configureDuplicates(restaurant, formats);
        from.addValueChangeListener(change -> refresh(restaurant));
        to.addValueChangeListener(change -> refresh(restaurant));
        add(period, new H3(getTranslation("drift.mismatches")), drifts,
                new H3(getTranslation("drift.duplicates")), duplicates);
        refresh(restaurant);
    }

    private void configureDrifts(BookFormats formats) {
        drifts.setId("drift-grid");
        drifts.addColumn(row -> formats.dateTime(row.start()))
                .setKey("start").setHeader(getTranslation("reservation.start")).setAutoWidth(true);
        drifts.addColumn(row -> orEmpty(row.guestName()))
                .setKey("guest").setHeader(getTranslation("reservation.guest")).setFlexGrow(2);
        drifts.addColumn(row -> getTranslation("drift.field." + row.field().name()))
                .setKey("field").setHeader(getTranslation("drift.field"));
        drifts.addColumn(row -> value(row.field(), row.platformValue()))
                .setKey("platform").setHeader(getTranslation("drift.platform-value"));
        drifts.addColumn(row -> value(row.field(), row.posValue()))
                .setKey("pos").setHeader(getTranslation("drift.pos-value"));
        drifts.setEmptyStateText(getTranslation("drift.mismatches.none"));
        drifts.setAllRowsVisible(true);
    }

    private void configureDuplicates(RestaurantRef restaurant, BookFormats formats) {
        duplicates.setId("drift-duplicates-grid");
        duplicates.addColumn(row -> row.tableName() == null ? getTranslation("drift.no-value") : row.tableName())
                .setKey("table").setHeader(getTranslation("reservation.table"));
        duplicates.addColumn(row -> formats.dateTime(row.walkInStart()))
                .setKey("walkInStart").setHeader(getTranslation("drift.walk-in")).setAutoWidth(true);
        duplicates.addColumn(DuplicateWalkIn::walkInCovers)
                .setKey("walkInCovers").setHeader(getTranslation("drift.covers"));
        duplicates.addComponentColumn(row -> new StatusBadge(row.walkInStatus()))
                .setKey("walkInStatus").setHeader(getTranslation("reservation.status"));
        duplicates.addColumn(row -> formats.dateTime(row.reservationStart()))
                .setKey("reservationStart").setHeader(getTranslation("drift.reservation")).setAutoWidth(true);
        duplicates.addColumn(row -> orEmpty(row.guestName()))
                .setKey("guest").setHeader(getTranslation("reservation.guest")).setFlexGrow(2);
        duplicates.addColumn(DuplicateWalkIn::partySize)
                .setKey("partySize").setHeader(getTranslation("reservation.party-size"));
        duplicates.addComponentColumn(row -> new StatusBadge(row.reservationStatus()))
                .setKey("reservationStatus").setHeader(getTranslation("reservation.status"));
        duplicates.addColumn(row -> getTranslation("drift.match." + row.match().name()))
                .setKey("match").setHeader(getTranslation("drift.match")).setFlexGrow(2);
        if (drift.mayMerge()) {
            duplicates.addComponentColumn(row -> mergeButton(restaurant, formats, row)).setKey("merge")
                    .setAutoWidth(true);
        }
        duplicates.setEmptyStateText(getTranslation("drift.duplicates.none"));
        duplicates.setAllRowsVisible(true);
    }

    private Component mergeButton(RestaurantRef restaurant, BookFormats formats, DuplicateWalkIn row) {
        var merge = new Button(getTranslation("drift.merge"), VaadinIcon.COMPRESS_SQUARE.create(),
                click -> confirmMerge(restaurant, formats, row));
        merge.setId("drift-merge-" + row.walkInId());
        merge.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return merge;
    }

    private void confirmMerge(RestaurantRef restaurant, BookFormats formats, DuplicateWalkIn row) {
        var confirm = new ConfirmDialog();
        confirm.setId("drift-merge-confirm");
        confirm.setHeader(getTranslation("drift.merge.title"));
        String guest = row.guestName() == null ? getTranslation("drift.no-guest") : row.guestName();
        confirm.setText(row.match() == DuplicateWalkIn.Match.SAME_TABLE
                ? getTranslation("drift.merge.text", row.tableName(), formats.dateTime(row.walkInStart()), guest,
                        formats.dateTime(row.reservationStart()))
                : getTranslation("drift.merge.text.no-table", formats.dateTime(row.walkInStart()), guest,
                        formats.dateTime(row.reservationStart())));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("drift.merge"));
        confirm.addConfirmListener(confirmed -> merge(restaurant, row));
        confirm.open();
    }

    private void merge(RestaurantRef restaurant, DuplicateWalkIn row) {
        try {
            drift.merge(restaurant.id(), row.walkInId(), row.reservationId());
            UserFeedback.success(getTranslation("drift.merge.done"));
        } catch (UserFacingException refused) {
            UserFeedback.error(UserFeedback.refusalMessage(this, refused));
        }
        refresh(restaurant);
    }

    private void refresh(RestaurantRef restaurant) {
        to.setInvalid(false);
        if (from.getValue() == null || to.getValue() == null) {
            show(new DriftReport(List.of(), List.of()));
            return;
        }
        try {
            show(drift.report(restaurant.id(), from.getValue(), to.getValue()));
        } catch (UserFacingException refused) {
            UserFeedback.showRefusal(this, refused, Map.of("to", to));
            show(new DriftReport(List.of(), List.of()));
        }
    }

    private void show(DriftReport report) {
        drifts.setItems(report.drifts());
        duplicates.setItems(report.duplicates());
    }

    /** Statuses in the reader's language; a missing table as a dash rather than a blank that looks like a bug. */
    private String value(Drift.Field field, String value) {
        if (value == null) {
            return getTranslation("drift.no-value");
        }
        return field == Drift.Field.STATUS ? getTranslation(StatusBadge.labelKey(ReservationStatus.valueOf(value)))
                : value;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
