package io.passerelle.reservation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.shared.Registration;
import io.passerelle.reservation.CreateReservation;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.Guest;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.MissedOverride;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationDetails;
import io.passerelle.reservation.ReservationService;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.reservation.UpdateReservation;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.shared.UserFacingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;

/**
 * Create a reservation or edit one, and move an existing one along its statuses. Times are entered
 * in the restaurant's time zone. Fires {@link ReservationSaved} after every stored change.
 */
class ReservationForm extends Dialog {

    private final ReservationService reservations;
    private final GuestService guests;
    private final RestaurantRef restaurant;
    private final Reservation existing;
    private final List<DiningTable> tableChoices;
    private final BeanValidationBinder<ReservationDetails> binder =
            new BeanValidationBinder<>(ReservationDetails.class);
    private final DateTimePicker start = new DateTimePicker();
    private final IntegerField partySize = new IntegerField();
    private final TextArea notes = new TextArea();
    private final ComboBox<DiningTable> table = new ComboBox<>();
    private final ComboBox<Guest> guest = new ComboBox<>();
    /** Now, as the restaurant's wall clock shows it. */
    private final LocalDateTime now;

    /** {@code existing} null means a new booking. */
    ReservationForm(ReservationService reservations, GuestService guests, DiningTableService tables,
            RestaurantRef restaurant, Reservation existing, Clock clock) {
        this.reservations = reservations;
        this.guests = guests;
        this.restaurant = restaurant;
        this.existing = existing;
        this.tableChoices = tables.tables(restaurant.id());
        this.now = LocalDateTime.now(clock.withZone(restaurant.timeZone()));
        setId("reservation-form");
        setHeaderTitle(getTranslation(existing == null ? "reservation.new" : "reservation.edit"));
        setWidth("min(46em, 100%)");

        configureStart();
        partySize.setId("reservation-party-size");
        partySize.setLabel(getTranslation("reservation.party-size"));
        partySize.setMin(Reservation.MIN_PARTY_SIZE);
        partySize.setMax(Reservation.MAX_PARTY_SIZE);
        partySize.setStepButtonsVisible(true);
        notes.setId("reservation-notes");
        notes.setLabel(getTranslation("reservation.notes"));
        notes.setMaxLength(Reservation.NOTES_MAX_LENGTH);
        table.setId("reservation-table");
        table.setLabel(getTranslation("reservation.table"));
        table.setClearButtonVisible(true);
        table.setItemLabelGenerator(ReservationForm::tableLabel);
        table.setItems(tableChoices).setIdentifierProvider(DiningTable::getId);
        configureGuest();
        var newGuest = new Button(getTranslation("guest.new"), click -> openNewGuest());
        newGuest.setId("reservation-new-guest");
        newGuest.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var guestRow = new HorizontalLayout(guest, newGuest);
        guestRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        guestRow.expand(guest);

        bind();
        var form = new FormLayout(start, partySize, guestRow, table, notes);
        form.setColspan(start, 2);
        form.setColspan(guestRow, 2);
        form.setColspan(notes, 2);
        add(form);
        if (existing != null) {
            overrideAudit().ifPresent(this::add);
        }

        var save = new Button(getTranslation("action.save"), click -> save());
        save.setId("reservation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // not on the notes: Enter there starts a new line
        save.addClickShortcut(Key.ENTER).listenOn(start, partySize);
        var cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("reservation-cancel");
        if (existing != null) {
            getFooter().add(statusActions());
        }
        getFooter().add(cancel, save);
    }

    private void configureStart() {
        ZoneId zone = restaurant.timeZone();
        start.setId("reservation-start");
        start.setLabel(getTranslation("reservation.start"));
        start.setHelperText(getTranslation("reservation.start.help", zone.getId()));
        start.setStep(Duration.ofMinutes(15));
        start.setMin(now.minusYears(Reservation.START_MAX_YEARS_IN_PAST));
        start.setMax(now.plusYears(Reservation.START_MAX_YEARS_AHEAD));
    }

    private void configureGuest() {
        guest.setId("reservation-guest");
        guest.setLabel(getTranslation("reservation.guest"));
        guest.setPlaceholder(getTranslation("reservation.guest.search"));
        guest.setClearButtonVisible(true);
        guest.setItemLabelGenerator(ReservationForm::guestLabel);
        guest.setItems(query -> guests.page(restaurant.id(), query.getFilter().orElse(null),
                        PageRequest.of(query.getPage(), query.getPageSize(), GuestService.BY_NAME)).stream())
                .setIdentifierProvider(Guest::getId);
    }

    private void bind() {
        ZoneId zone = restaurant.timeZone();
        // The rules live in Bean Validation and the service (the start's range); the components' own
        // min/max checks would repeat them without a message.
        binder.setDefaultValidatorsEnabled(false);
        binder.forField(start)
                .asRequired(getTranslation("reservation.error.start-required"))
                .withConverter(Converter.<LocalDateTime, Instant>from(
                        local -> Result.ok(local == null ? null : local.atZone(zone).toInstant()),
                        instant -> instant == null ? null : LocalDateTime.ofInstant(instant, zone)))
                .bind("start");
        binder.forField(partySize)
                .asRequired(getTranslation("reservation.error.party-size-required"))
                .bind("partySize");
        binder.forField(notes).withNullRepresentation("").bind("notes");
        binder.forField(table)
                .withConverter(Converter.<DiningTable, Long>from(
                        choice -> Result.ok(choice == null ? null : choice.getId()),
                        id -> tableChoices.stream().filter(t -> t.getId().equals(id)).findFirst().orElse(null)))
                .bind("tableId");
        binder.forField(guest)
                .withConverter(Converter.<Guest, Long>from(
                        choice -> Result.ok(choice == null ? null : choice.getId()),
                        // only an existing reservation is read into the form, and it holds its guest
                        id -> id == null ? null : existing.getGuest()))
                .bind("guestId");
        binder.readRecord(existing == null ? newBooking() : existing.toDetails());
    }

    /** The next full hour, for two. */
    private ReservationDetails newBooking() {
        LocalDateTime nextHour = now.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        return new ReservationDetails(nextHour.atZone(restaurant.timeZone()).toInstant(), 2, null, null, null);
    }

    private HorizontalLayout statusActions() {
        var actions = new HorizontalLayout();
        actions.setId("reservation-status-actions");
        actions.getStyle().set("margin-inline-end", "auto");
        if (existing.getStatus().isMissed() && reservations.mayOverrideMissed()) {
            var unpark = new Button(getTranslation("reservation.override.action"), click -> openOverride());
            unpark.setId("reservation-override-missed");
            actions.add(unpark);
        }
        for (ReservationStatus next : existing.getStatus().allowedNext()) {
            var button = new Button(getTranslation("reservation.action." + next.name()), click -> changeStatus(next));
            button.setId("reservation-status-" + next.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (next.isMissed()) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            actions.add(button);
        }
        // a status change stores the reservation as it is: unsaved edits first
        binder.addValueChangeListener(change -> {
            boolean unsaved = binder.hasChanges();
            actions.getChildren().map(Button.class::cast).forEach(button -> {
                button.setEnabled(!unsaved);
                button.setTooltipText(unsaved ? getTranslation("reservation.status.save-first") : null);
            });
        });
        return actions;
    }

    private void changeStatus(ReservationStatus next) {
        if (!next.isMissed()) {
            applyStatus(next);
            return;
        }
        String status = getTranslation(StatusBadge.labelKey(next));
        var confirm = new ConfirmDialog();
        confirm.setId("reservation-status-confirm");
        confirm.setHeader(getTranslation("reservation.status.confirm.title", status));
        confirm.setText(getTranslation("reservation.status.confirm.text", guestOrPartyOf(existing), status));
        confirm.setConfirmText(getTranslation("reservation.action." + next.name()));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.addConfirmListener(confirmed -> applyStatus(next));
        confirm.open();
    }

    private void openOverride() {
        var dialog = new MissedOverrideDialog(reservations, existing);
        dialog.addMissedOverriddenListener(overridden -> {
            fireEvent(new ReservationSaved(this));
            close();
        });
        dialog.open();
    }

    /** Every un-parking of this reservation, newest first: why a reservation once missed is live again. */
    private Optional<Component> overrideAudit() {
        List<MissedOverride> overrides = reservations.missedOverrides(restaurant.id(), existing.getId());
        if (overrides.isEmpty()) {
            return Optional.empty();
        }
        var formats = new BookFormats(getLocale(), restaurant);
        var list = new UnorderedList();
        for (MissedOverride override : overrides) {
            list.add(new ListItem(getTranslation("reservation.override.audit-entry",
                    formats.dateTime(override.getOccurredAt()), override.getActor(),
                    getTranslation(StatusBadge.labelKey(override.getFromStatus())),
                    getTranslation(StatusBadge.labelKey(override.getToStatus())), override.getReason())));
        }
        var audit = new Details(getTranslation("reservation.override.audit", overrides.size()), list);
        audit.setId("reservation-override-audit");
        return Optional.of(audit);
    }

    private void applyStatus(ReservationStatus next) {
        try {
            reservations.changeStatus(restaurant.id(), existing.getId(), next);
            UserFeedback.success(getTranslation("reservation.status.changed",
                    getTranslation(StatusBadge.labelKey(next))));
            fireEvent(new ReservationSaved(this));
            close();
        } catch (UserFacingException refused) {
            UserFeedback.error(UserFeedback.refusalMessage(this, refused));
        }
    }

    private void save() {
        try {
            ReservationDetails details = binder.writeRecord();
            if (existing == null) {
                reservations.create(new CreateReservation(restaurant.id(), details));
            } else {
                reservations.update(new UpdateReservation(restaurant.id(), existing.getId(), existing.getVersion(),
                        details));
            }
            UserFeedback.success(getTranslation("saved"));
            fireEvent(new ReservationSaved(this));
            close();
        } catch (ValidationException invalid) {
            // the binder shows each problem next to its field
        } catch (UserFacingException refused) {
            UserFeedback.showRefusal(this, refused, Map.of("start", start, "partySize", partySize, "notes", notes,
                    "tableId", table, "guestId", guest));
        }
    }

    private void openNewGuest() {
        var dialog = new GuestDialog(guests, restaurant.id(), null);
        dialog.addGuestSavedListener(saved -> guest.setValue(saved.guest()));
        dialog.open();
    }

    private String guestOrPartyOf(Reservation reservation) {
        return reservation.getGuest() != null
                ? reservation.getGuest().getFullName()
                : getTranslation("reservation.party-of", reservation.getPartySize());
    }

    private static String tableLabel(DiningTable table) {
        return table.getRoom() == null ? table.getName() : table.getName() + " · " + table.getRoom().getName();
    }

    private static String guestLabel(Guest guest) {
        String contact = guest.getMobile() != null ? guest.getMobile() : guest.getEmail();
        return contact == null ? guest.getFullName() : guest.getFullName() + " · " + contact;
    }

    Registration addReservationSavedListener(ComponentEventListener<ReservationSaved> listener) {
        return addListener(ReservationSaved.class, listener);
    }

    /** A reservation was created, edited or moved to another status. */
    static final class ReservationSaved extends ComponentEvent<ReservationForm> {

        ReservationSaved(ReservationForm source) {
            super(source, false);
        }
    }
}
