package io.passerelle.tables.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.shared.UserFacingException;
import io.passerelle.shell.NavigationBadge;
import io.passerelle.tables.ConnectionTableNames;
import io.passerelle.tables.DiningTableLinks;
import io.passerelle.tables.PosTableName;
import io.passerelle.tables.TableNameChange;
import io.passerelle.tables.TableNameService;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Table-name reconciliation in one screen: the POS's names on the left (unmatched first), the restaurant's tables on
 * the right. Selecting a name selects its table, or the closest suggestion; then link, unlink or rename the table to
 * the POS's name. Every change can be undone (also with Ctrl+Z), last first.
 */
@Route(TableNamesView.ROUTE)
@Menu(order = 35, title = "nav.table-names", icon = "vaadin:exchange")
@PermitAll
class TableNamesView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "table-names";

    private final TableNameService tableNames;
    private final Deque<TableNameChange> undoable = new ArrayDeque<>();
    private final Select<Long> connectionSelect = new Select<>();
    private final Span summary = new Span();
    private final Grid<PosTableName> posGrid = new Grid<>();
    private final Grid<DiningTableLinks> tableGrid = new Grid<>();
    private final Button link = new Button();
    private final Button unlink = new Button();
    private final Button rename = new Button();
    private final Button acceptAll = new Button();
    private final Button undo = new Button();
    private final Paragraph noConnection = new Paragraph();
    private final VerticalLayout reconciliation = new VerticalLayout();
    private long restaurantId;
    private List<ConnectionTableNames> connections = List.of();

    TableNamesView(CurrentRestaurant currentRestaurant, TableNameService tableNames) {
        this.tableNames = tableNames;
        setId("table-names-view");
        setSizeFull();
        currentRestaurant.get().ifPresentOrElse(this::show, () -> {
            var none = new Paragraph(getTranslation("table-names.no-restaurant"));
            none.setId("table-names-no-restaurant");
            none.addClassName("empty-state");
            add(none);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.table-names");
    }

    private void show(RestaurantRef restaurant) {
        restaurantId = restaurant.id();
        var lastSeen = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(restaurant.timeZone());

        noConnection.setId("table-names-no-connection");
        noConnection.addClassName("empty-state");
        noConnection.setText(getTranslation("table-names.no-connection"));

        connectionSelect.setId("table-names-connection");
        connectionSelect.setLabel(getTranslation("table-names.connection"));
        connectionSelect.setItemLabelGenerator(id -> selected(id).map(ConnectionTableNames::partnerName).orElse(""));
        connectionSelect.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                showConnection(null, null);
            }
        });

        button(link, "table-names-link", "table-names.link", VaadinIcon.LINK, this::link);
        link.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter in either list links the two rows chosen; not Enter on a button, which clicks that button
        link.addClickShortcut(Key.ENTER).listenOn(posGrid, tableGrid);
        button(unlink, "table-names-unlink", "table-names.unlink", VaadinIcon.UNLINK, this::unlink);
        button(rename, "table-names-rename", "table-names.rename", VaadinIcon.EDIT, this::rename);
        button(acceptAll, "table-names-accept-all", "table-names.accept-all", VaadinIcon.CHECK_SQUARE_O,
                this::confirmAcceptAll);
        button(undo, "table-names-undo", "table-names.undo", VaadinIcon.ARROW_BACKWARD, this::undo);
        undo.addClickShortcut(Key.KEY_Z, KeyModifier.CONTROL).listenOn(this);
        var toolbar = new HorizontalLayout(connectionSelect, link, unlink, rename, acceptAll, undo);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        summary.setId("table-names-summary");

        posGrid.setId("pos-names-grid");
        posGrid.addColumn(PosTableName::name).setKey("name").setHeader(getTranslation("table-names.pos-name"))
                .setSortable(true).setAutoWidth(true);
        posGrid.addColumn(this::stateText).setKey("state").setHeader(getTranslation("table-names.state"))
                .setAutoWidth(true);
        posGrid.addColumn(this::tableText).setKey("table").setHeader(getTranslation("table-names.table"))
                .setFlexGrow(2);
        posGrid.addColumn(name -> sourceText(name, lastSeen)).setKey("source")
                .setHeader(getTranslation("table-names.source")).setFlexGrow(2);
        posGrid.setPartNameGenerator(name -> name.isUnmatched() ? "unmatched" : null);
        posGrid.setEmptyStateText(getTranslation("table-names.pos-none"));
        posGrid.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                selectTableFor(change.getValue());
            }
            updateActions();
        });

        tableGrid.setId("dining-tables-grid");
        tableGrid.addColumn(DiningTableLinks::name).setKey("name").setHeader(getTranslation("table-names.table"))
                .setSortable(true).setAutoWidth(true);
        tableGrid.addColumn(DiningTableLinks::seats).setKey("seats").setHeader(getTranslation("table-names.seats"));
        tableGrid.addColumn(table -> String.join(", ", table.posNames())).setKey("posNames")
                .setHeader(getTranslation("table-names.pos-names")).setFlexGrow(2);
        tableGrid.addColumn(table -> getTranslation(table.isUnmatched() ? "table-names.table-state.unmatched"
                : "table-names.table-state.linked")).setKey("state").setHeader(getTranslation("table-names.state"));
        tableGrid.setPartNameGenerator(table -> table.isUnmatched() ? "unmatched" : null);
        tableGrid.setEmptyStateText(getTranslation("table-names.tables-none"));
        tableGrid.asSingleSelect().addValueChangeListener(change -> updateActions());

        var posSide = side("table-names.pos-side", posGrid);
        var tableSide = side("table-names.table-side", tableGrid);
        var sides = new HorizontalLayout(posSide, tableSide);
        sides.setSizeFull();
        // the POS side says more per row (status, suggestion, where the name comes from)
        posSide.setWidth("60%");
        tableSide.setWidth("40%");
        reconciliation.setPadding(false);
        reconciliation.setSizeFull();
        reconciliation.add(toolbar, summary, sides);
        var intro = new Paragraph(getTranslation("table-names.intro"));
        add(intro, noConnection, reconciliation);
        refresh(null, null);
    }

    private static void button(Button button, String id, String labelKey, VaadinIcon icon, Runnable action) {
        button.setId(id);
        button.setText(button.getTranslation(labelKey));
        button.setIcon(icon.create());
        button.addClickListener(click -> action.run());
    }

    private VerticalLayout side(String titleKey, Grid<?> grid) {
        var side = new VerticalLayout(new H3(getTranslation(titleKey)), grid);
        side.setPadding(false);
        side.setHeightFull();
        grid.setSizeFull();
        return side;
    }

    /** Reloads everything, keeping (or moving to) the given POS name and table selected. */
    private void refresh(String posName, Long tableId) {
        connections = tableNames.reconciliation(restaurantId);
        noConnection.setVisible(connections.isEmpty());
        reconciliation.setVisible(!connections.isEmpty());
        Long current = connectionSelect.getValue();
        connectionSelect.setItems(connections.stream().map(ConnectionTableNames::connectionId).toList());
        connectionSelect.setVisible(connections.size() > 1);
        if (!connections.isEmpty()) {
            connectionSelect.setValue(selected(current).isPresent() ? current : connections.getFirst().connectionId());
        }
        showConnection(posName, tableId);
        NavigationBadge.refresh(UI.getCurrent());
    }

    private void showConnection(String posName, Long tableId) {
        Optional<ConnectionTableNames> shown = selected(connectionSelect.getValue());
        posGrid.setItems(shown.map(ConnectionTableNames::posNames).orElse(List.of()));
        tableGrid.setItems(shown.map(ConnectionTableNames::tables).orElse(List.of()));
        shown.ifPresent(names -> {
            summary.setText(getTranslation("table-names.summary", names.unmatchedPosNames(), names.unmatchedTables()));
            names.posNames().stream().filter(name -> name.name().equals(posName)).findFirst().ifPresent(posGrid::select);
            names.tables().stream().filter(table -> table.tableId() == Objects.requireNonNullElse(tableId, -1L))
                    .findFirst().ifPresent(tableGrid::select);
        });
        updateActions();
    }

    private Optional<ConnectionTableNames> selected(Long connectionId) {
        return connections.stream().filter(names -> Objects.equals(names.connectionId(), connectionId)).findFirst();
    }

    /** The table the name stands for, else its closest suggestion, else none. */
    private void selectTableFor(PosTableName name) {
        Long tableId = name.tableId() != null ? name.tableId()
                : name.suggestions().stream().findFirst().map(PosTableName.Suggestion::tableId).orElse(null);
        tableGrid.asSingleSelect().clear();
        selected(connectionSelect.getValue()).stream()
                .flatMap(names -> names.tables().stream())
                .filter(table -> Objects.equals(table.tableId(), tableId))
                .findFirst()
                .ifPresent(tableGrid::select);
    }

    private void updateActions() {
        PosTableName name = posGrid.asSingleSelect().getValue();
        DiningTableLinks table = tableGrid.asSingleSelect().getValue();
        link.setEnabled(name != null && table != null && !Objects.equals(name.tableId(), table.tableId()));
        unlink.setEnabled(name != null && !name.isUnmatched());
        rename.setEnabled(name != null && table != null && !table.name().equals(name.name()));
        acceptAll.setEnabled(selected(connectionSelect.getValue()).stream()
                .flatMap(names -> names.posNames().stream())
                .anyMatch(each -> each.isUnmatched() && !each.unlinkedOnPurpose() && each.clearSuggestion().isPresent()));
        undo.setEnabled(!undoable.isEmpty());
    }

    private void link() {
        PosTableName name = posGrid.asSingleSelect().getValue();
        DiningTableLinks table = tableGrid.asSingleSelect().getValue();
        if (link.isEnabled()) {
            change(() -> tableNames.link(restaurantId, connectionSelect.getValue(), name.name(), table.tableId()),
                    linked -> getTranslation("table-names.done.linked", name.name(), table.name()), name.name(), table.tableId());
        }
    }

    private void unlink() {
        PosTableName name = posGrid.asSingleSelect().getValue();
        change(() -> tableNames.unlink(restaurantId, connectionSelect.getValue(), name.name()),
                unlinked -> getTranslation("table-names.done.unlinked", name.name()), name.name(), null);
    }

    private void rename() {
        PosTableName name = posGrid.asSingleSelect().getValue();
        DiningTableLinks table = tableGrid.asSingleSelect().getValue();
        change(() -> tableNames.renameTable(restaurantId, table.tableId(), name.name()),
                renamed -> getTranslation("table-names.done.renamed", table.name(), name.name()), name.name(), table.tableId());
    }

    private void confirmAcceptAll() {
        var confirm = new ConfirmDialog();
        confirm.setId("table-names-accept-all-confirm");
        confirm.setHeader(getTranslation("table-names.accept-all.title"));
        confirm.setText(getTranslation("table-names.accept-all.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("table-names.accept-all"));
        confirm.addConfirmListener(confirmed -> change(
                () -> tableNames.acceptSuggestions(restaurantId, connectionSelect.getValue()),
                accepted -> getTranslation("table-names.done.accepted", accepted.changes().size()), null, null));
        confirm.open();
    }

    private void undo() {
        if (undoable.isEmpty()) {
            return;
        }
        TableNameChange last = undoable.pop();
        try {
            tableNames.undo(restaurantId, last);
            notify(getTranslation("table-names.done.undone"));
        } catch (UserFacingException refused) {
            error(refused);
        }
        refresh(null, null);
    }

    /** Applies a change, remembers it for undo, reloads, and says what happened. */
    private <C extends TableNameChange> void change(Supplier<C> action, Function<C, String> done, String posName,
            Long tableId) {
        C change;
        try {
            change = action.get();
        } catch (UserFacingException refused) {
            error(refused);
            return;
        }
        undoable.push(change);
        notify(done.apply(change));
        refresh(posName, tableId);
    }

    private String stateText(PosTableName name) {
        return getTranslation(name.unlinkedOnPurpose() ? "table-names.state.unlinked"
                : "table-names.state." + name.state().name());
    }

    private String tableText(PosTableName name) {
        if (name.tableName() != null) {
            return name.tableName();
        }
        return name.suggestions().stream().findFirst()
                .map(suggestion -> getTranslation("table-names.suggestion", suggestion.tableName(),
                        getTranslation("table-names.similarity." + suggestion.similarity().name())))
                .orElse("");
    }

    private String sourceText(PosTableName name, DateTimeFormatter lastSeen) {
        String reported = name.reported() ? getTranslation("table-names.source.reported") : "";
        String seen = name.unmappedEvents() == 0 ? "" : getTranslation("table-names.source.events",
                name.unmappedEvents(), lastSeen.format(name.lastUnmappedAt()));
        return reported.isEmpty() || seen.isEmpty() ? reported + seen : reported + " · " + seen;
    }

    private static void notify(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void error(UserFacingException refused) {
        Notification.show(getTranslation(refused.messageKey(), refused.arguments()), 6000,
                Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
