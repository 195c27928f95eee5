package io.passerelle.synclog.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.restaurant.Restaurant;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AppRole;
import io.passerelle.security.CurrentUser;
import io.passerelle.shared.UserFacingException;
import io.passerelle.shared.i18n.TranslationProvider;
import io.passerelle.synclog.LogDirection;
import io.passerelle.synclog.LogExport;
import io.passerelle.synclog.LogFilter;
import io.passerelle.synclog.LogLine;
import io.passerelle.synclog.LogOutcome;
import io.passerelle.synclog.SearchTooBroadException;
import io.passerelle.synclog.SyncLogEntry;
import io.passerelle.synclog.SyncLogService;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The sync log: what went between Passerelle and the POS, newest first. An owner reads the current restaurant's
 * log; support and onboarding staff read across the restaurants their role lets them see, or pick one. Filters by
 * period, direction, partner, type, outcome, reservation and text; a line opens beside the grid with its bodies
 * and the error in plain words. Failed deliveries are sent again one by one or for a whole period; the filtered
 * log downloads as CSV.
 */
@Route("sync-log")
@Menu(order = 46, title = "nav.sync-log", icon = "vaadin:list-ul")
@PermitAll
class SyncLogView extends VerticalLayout implements HasDynamicTitle {

    private static final int DEFAULT_DAYS = 7;

    private final SyncLogService syncLog;
    private final RestaurantService restaurants;
    private final Clock clock;
    private final boolean staff;
    private final RestaurantRef ownRestaurant;
    private final LogWords words;
    private final Map<Long, RestaurantRef> restaurantsById = new HashMap<>();
    private final Grid<LogLine> grid = new Grid<>();
    private final ComboBox<RestaurantRef> restaurant = new ComboBox<>();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final ComboBox<LogDirection> direction = new ComboBox<>();
    private final ComboBox<PartnerDescriptor> partner = new ComboBox<>();
    private final TextField messageType = new TextField();
    private final ComboBox<LogOutcome> outcome = new ComboBox<>();
    private final TextField reservation = new TextField();
    private final TextField text = new TextField();
    private final Button replayPeriod = new Button();
    /** The CSV download: off while the search shown was stopped as too broad, which the export would meet too. */
    private final Anchor export = new Anchor();
    private final KeysetPaging paging;
    private final LogDetailPanel detail;
    /** The filter as last shown; read by the CSV download, which runs outside the UI's lock. */
    private volatile LogFilter filter;

    SyncLogView(SyncLogService syncLog, RestaurantService restaurants, CurrentRestaurant currentRestaurant,
            CurrentUser currentUser, PartnerCatalogue catalogue, TranslationProvider translations, Clock clock) {
        this.syncLog = syncLog;
        this.restaurants = restaurants;
        this.clock = clock;
        this.staff = currentUser.require().role() != AppRole.OWNER;
        this.ownRestaurant = staff ? null : currentRestaurant.get().orElse(null);
        if (ownRestaurant != null) {
            // the owner's lines are all of this restaurant: no lookup (and access check) to name their zone
            restaurantsById.put(ownRestaurant.id(), ownRestaurant);
        }
        this.words = new LogWords(this, translations, getLocale());
        this.paging = new KeysetPaging(syncLog, () -> filter);
        this.detail = new LogDetailPanel(syncLog, words, staff, this::refresh, this::closeDetail);
        setId("sync-log-view");
        setSizeFull();
        if (!staff && ownRestaurant == null) {
            var empty = new Paragraph(getTranslation("synclog.no-restaurant"));
            empty.setId("log-no-restaurant");
            empty.addClassName("empty-state");
            add(empty);
            return;
        }
        configureFilters(catalogue);
        configureGrid();
        var split = new SplitLayout(grid, detail);
        split.setSizeFull();
        split.setSplitterPosition(62);
        add(filterBar(), actionBar(), split);
        filter = currentFilter();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.sync-log");
    }

    /** Staff only: an owner reads the current restaurant's log, with no picker and no restaurant search behind it. */
    private void configureRestaurantPicker() {
        restaurant.setId("log-filter-restaurant");
        restaurant.setLabel(getTranslation("synclog.column.restaurant"));
        restaurant.setPlaceholder(getTranslation("synclog.filter.all-restaurants"));
        restaurant.setItemLabelGenerator(RestaurantRef::displayName);
        restaurant.setItems(query -> restaurants
                .search(query.getFilter().orElse(null),
                        PageRequest.of(query.getPage(), query.getPageSize(), Sort.by("name", "id")))
                .map(Restaurant::toRef)
                .stream());
        restaurant.setClearButtonVisible(true);
        restaurant.addValueChangeListener(change -> showZone());
    }

    private void configureFilters(PartnerCatalogue catalogue) {
        if (staff) {
            configureRestaurantPicker();
        }

        LocalDate today = LocalDate.now(clock.withZone(zone()));
        from.setId("log-filter-from");
        from.setLabel(getTranslation("synclog.filter.from"));
        from.setValue(today.minusDays(DEFAULT_DAYS).atStartOfDay());
        to.setId("log-filter-to");
        to.setLabel(getTranslation("synclog.filter.to"));
        showZone();

        direction.setId("log-filter-direction");
        direction.setLabel(getTranslation("synclog.column.direction"));
        direction.setItems(LogDirection.values());
        direction.setItemLabelGenerator(value -> getTranslation("synclog.direction." + value.name()));
        direction.setClearButtonVisible(true);
        partner.setId("log-filter-partner");
        partner.setLabel(getTranslation("synclog.column.partner"));
        partner.setItems(catalogue.all());
        partner.setItemLabelGenerator(PartnerDescriptor::name);
        partner.setClearButtonVisible(true);
        messageType.setId("log-filter-type");
        messageType.setLabel(getTranslation("synclog.column.type"));
        messageType.setPlaceholder(getTranslation("synclog.filter.type-example"));
        messageType.setMaxLength(SyncLogEntry.MESSAGE_TYPE_MAX);
        messageType.setClearButtonVisible(true);
        messageType.setValueChangeMode(ValueChangeMode.LAZY);
        outcome.setId("log-filter-outcome");
        outcome.setLabel(getTranslation("synclog.column.outcome"));
        outcome.setItems(LogOutcome.values());
        outcome.setItemLabelGenerator(value -> getTranslation("synclog.outcome." + value.name()));
        outcome.setClearButtonVisible(true);
        reservation.setId("log-filter-reservation");
        reservation.setLabel(getTranslation("synclog.column.reservation"));
        reservation.setAllowedCharPattern("[0-9]");
        reservation.setMaxLength(18);
        reservation.setClearButtonVisible(true);
        reservation.setValueChangeMode(ValueChangeMode.LAZY);
        text.setId("log-filter-text");
        text.setLabel(getTranslation("action.search"));
        text.setPlaceholder(getTranslation("synclog.filter.text"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setMaxLength(LogFilter.TEXT_MAX);
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        // its error says why a search was stopped, set by this view; the length is bounded by maxLength
        text.setManualValidation(true);

        List<HasValue<?, ?>> fields = List.of(restaurant, from, to, direction, partner, messageType, outcome,
                reservation, text);
        fields.forEach(field -> field.addValueChangeListener(change -> filterChanged()));
    }

    private HorizontalLayout filterBar() {
        var bar = new HorizontalLayout(from, to, direction, partner, messageType, outcome, reservation, text);
        if (staff) {
            bar.addComponentAsFirst(restaurant);
        }
        bar.setWrap(true);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private HorizontalLayout actionBar() {
        DownloadHandler csv = event -> {
            LogFilter exported = filter;
            event.setFileName("sync-log-" + LocalDate.now(clock) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            LogExport written;
            try (var writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                written = syncLog.exportCsv(exported, writer);
            }
            // the download runs outside the UI's lock; the notice reaches the screen by push
            event.getUI().access(() -> tellWhyShorter(written));
        };
        export.setHref(csv);
        var exportButton = new Button(getTranslation("synclog.export.csv"), VaadinIcon.DOWNLOAD.create());
        exportButton.setTooltipText(getTranslation("synclog.export.csv-limit", SyncLogService.EXPORT_MAX_LINES));
        export.add(exportButton);
        export.setId("log-export");

        replayPeriod.setText(getTranslation("synclog.replay.period"));
        replayPeriod.setIcon(VaadinIcon.REFRESH.create());
        replayPeriod.setId("log-replay-period");
        replayPeriod.addClickListener(click -> confirmReplayPeriod());
        showReplayPeriod();
        var bar = new HorizontalLayout(export, replayPeriod);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        return bar;
    }

    private void configureGrid() {
        grid.setId("log-grid");
        grid.setSizeFull();
        grid.addColumn(line -> words.time(line.occurredAt(), restaurantOf(line).timeZone()))
                .setKey("time").setHeader(getTranslation("synclog.column.time")).setAutoWidth(true);
        grid.addColumn(line -> restaurantOf(line).displayName())
                .setKey("restaurant").setHeader(getTranslation("synclog.column.restaurant")).setAutoWidth(true)
                .setVisible(staff);
        grid.addColumn(words::direction).setKey("direction").setHeader(getTranslation("synclog.column.direction"))
                .setAutoWidth(true);
        grid.addColumn(LogLine::partnerCode).setKey("partner").setHeader(getTranslation("synclog.column.partner"))
                .setAutoWidth(true);
        grid.addColumn(LogLine::messageType).setKey("type").setHeader(getTranslation("synclog.column.type"))
                .setAutoWidth(true);
        grid.addColumn(LogLine::reservationId).setKey("reservation")
                .setHeader(getTranslation("synclog.column.reservation")).setAutoWidth(true);
        // a badge drawn in the browser from two properties: no server-side component per row
        grid.addColumn(LitRenderer.<LogLine>of("<span theme=\"badge ${item.theme}\">${item.outcome}</span>")
                        .withProperty("outcome", words::outcome)
                        .withProperty("theme", SyncLogView::outcomeTheme))
                .setKey("outcome").setHeader(getTranslation("synclog.column.outcome")).setAutoWidth(true);
        grid.addColumn(LogLine::httpStatus).setKey("httpStatus").setHeader(getTranslation("synclog.column.http-status"))
                .setAutoWidth(true);
        grid.addColumn(words::explanation).setKey("error").setHeader(getTranslation("synclog.column.error"))
                .setFlexGrow(3);
        grid.setEmptyStateText(getTranslation("synclog.none"));
        // no count: the size stays undefined and grows while pages come back full
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()));
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() == null) {
                detail.hide();
            } else {
                showDetail(change.getValue());
            }
        });
    }

    private static String outcomeTheme(LogLine line) {
        return switch (line.outcome()) {
            case SUCCESS -> "success";
            case FAILED, REJECTED -> "error";
            case RETRYING -> "contrast";
        };
    }

    /**
     * A range of the grid's rows. A word search stopped as too broad says so next to the search field and in the
     * grid: never an empty grid that looks like "nothing matches".
     */
    private Stream<LogLine> fetch(int offset, int limit) {
        try {
            return paging.fetch(offset, limit);
        } catch (SearchTooBroadException tooBroad) {
            text.setErrorMessage(getTranslation(tooBroad.messageKey()));
            text.setInvalid(true);
            grid.setEmptyStateText(getTranslation("synclog.search-stopped"));
            export.setEnabled(false);
            return Stream.empty();
        }
    }

    /** A file that ends before the filter's oldest line: why, and what gets the rest. */
    private void tellWhyShorter(LogExport written) {
        switch (written.end()) {
            case COMPLETE -> { }
            case LINE_LIMIT -> Feedback.warning(getTranslation("synclog.export.cut-at-limit", written.lines()));
            case SEARCH_TOO_BROAD -> Feedback.warning(getTranslation("synclog.export.stopped-too-broad",
                    written.lines()));
        }
    }

    /** The search field's hint and the grid's empty state for the search as typed; a stopped search is reset. */
    private void showSearch() {
        boolean byId = filter.messageIdSearched() != null;
        text.setInvalid(false);
        text.setErrorMessage(null);
        export.setEnabled(true);
        text.setHelperText(byId ? getTranslation("synclog.filter.id-whole-log") : null);
        grid.setEmptyStateText(getTranslation(byId ? "synclog.none-id" : "synclog.none"));
    }

    private void showDetail(LogLine line) {
        try {
            detail.show(syncLog.detail(line.restaurantId(), line.id()), restaurantOf(line));
        } catch (UserFacingException gone) {
            Feedback.error(getTranslation(gone.messageKey()));
        }
    }

    private void closeDetail() {
        grid.asSingleSelect().clear();
    }

    private void filterChanged() {
        filter = currentFilter();
        showSearch();
        showReplayPeriod();
        refresh();
    }

    private void refresh() {
        paging.reset();
        grid.asSingleSelect().clear();
        grid.getDataProvider().refreshAll();
    }

    private LogFilter currentFilter() {
        Optional<RestaurantRef> one = selectedRestaurant();
        String reservationText = reservation.getValue();
        return new LogFilter(one.map(RestaurantRef::id).orElse(null), instant(from.getValue()),
                instant(to.getValue()), direction.getValue(),
                Optional.ofNullable(partner.getValue()).map(PartnerDescriptor::code).orElse(null),
                messageType.getValue().strip(), outcome.getValue(),
                reservationText.isBlank() ? null : Long.valueOf(reservationText), text.getValue());
    }

    /** The restaurant the log is about: the owner's current one, or the one staff picked (none: all they see). */
    private Optional<RestaurantRef> selectedRestaurant() {
        return staff ? Optional.ofNullable(restaurant.getValue()) : Optional.of(ownRestaurant);
    }

    /** Times typed and shown in the chosen restaurant's zone; across restaurants, in UTC. */
    private ZoneId zone() {
        return selectedRestaurant().map(RestaurantRef::timeZone).orElse(ZoneOffset.UTC);
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }

    private void showZone() {
        from.setHelperText(getTranslation("synclog.filter.zone", zone().getId()));
    }

    private RestaurantRef restaurantOf(LogLine line) {
        return restaurantsById.computeIfAbsent(line.restaurantId(), restaurants::get);
    }

    /** A period's failures are sent again for one restaurant at a time, so the person knows what they touch. */
    private void showReplayPeriod() {
        replayPeriod.setVisible(selectedRestaurant().isPresent());
    }

    private void confirmReplayPeriod() {
        RestaurantRef target = selectedRestaurant().orElseThrow();
        Instant start = instant(from.getValue());
        Instant end = instant(to.getValue() == null ? LocalDateTime.now(clock.withZone(zone())) : to.getValue());
        var confirm = new ConfirmDialog();
        confirm.setId("log-replay-period-confirm");
        confirm.setHeader(getTranslation("synclog.replay.period.title"));
        confirm.setText(getTranslation("synclog.replay.period.text", target.displayName(),
                from.getValue() == null ? "" : words.time(start, zone()), words.time(end, zone())));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("synclog.replay.period"));
        confirm.addConfirmListener(confirmed -> replayPeriod(target, start, end));
        confirm.open();
    }

    private void replayPeriod(RestaurantRef target, Instant start, Instant end) {
        try {
            int queued = syncLog.replayFailures(target.id(), start, end);
            Feedback.success(getTranslation("synclog.replay.period.done", queued));
            refresh();
        } catch (UserFacingException refused) {
            Feedback.error(getTranslation(refused.messageKey()));
        }
    }
}
