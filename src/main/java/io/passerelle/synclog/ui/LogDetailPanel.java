package io.passerelle.synclog.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.shared.UserFacingException;
import io.passerelle.synclog.LogDetail;
import io.passerelle.synclog.LogLine;
import io.passerelle.synclog.SyncLogService;
import java.util.Objects;

/**
 * The line chosen in the log: its facts, the error in plain words with what to do, the request and the response
 * (secrets removed, JSON pretty-printed); "send again" for a failed delivery and, for staff, the reservation's
 * whole trace as a file for a support ticket.
 */
class LogDetailPanel extends VerticalLayout {

    private final SyncLogService syncLog;
    private final LogWords words;
    private final boolean staff;
    private final Runnable replayed;
    private final Runnable close;

    /** {@code replayed} runs after a delivery was queued again; {@code close} when the person closes the panel. */
    LogDetailPanel(SyncLogService syncLog, LogWords words, boolean staff, Runnable replayed, Runnable close) {
        this.syncLog = syncLog;
        this.words = words;
        this.staff = staff;
        this.replayed = replayed;
        this.close = close;
        setId("log-detail");
        setVisible(false);
        setPadding(true);
    }

    void show(LogDetail detail, RestaurantRef restaurant) {
        removeAll();
        LogLine line = detail.line();
        var title = new H3(line.messageType());
        title.setId("log-detail-title");
        var closeButton = new Button(VaadinIcon.CLOSE.create(), click -> close.run());
        closeButton.setId("log-detail-close");
        closeButton.setAriaLabel(getTranslation("action.close"));
        closeButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        closeButton.addClickShortcut(Key.ESCAPE);
        var header = new HorizontalLayout(title, closeButton);
        header.setWidthFull();
        header.expand(title);
        add(header, facts(line, restaurant));
        if (line.errorCode() != null) {
            add(explanation(line));
        }
        add(actions(line, restaurant));
        add(body("log-detail-request", "synclog.detail.request", detail.request()),
                body("log-detail-response", "synclog.detail.response", detail.response()));
        setVisible(true);
    }

    void hide() {
        removeAll();
        setVisible(false);
    }

    private FormLayout facts(LogLine line, RestaurantRef restaurant) {
        var facts = new FormLayout();
        facts.setId("log-detail-facts");
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
        fact(facts, "synclog.column.time", words.time(line.occurredAt(), restaurant.timeZone()));
        fact(facts, "synclog.column.restaurant", restaurant.displayName());
        fact(facts, "synclog.detail.kind", words.kind(line));
        fact(facts, "synclog.column.direction", words.direction(line));
        fact(facts, "synclog.column.partner", line.partnerCode());
        fact(facts, "synclog.detail.message-id", line.messageId());
        fact(facts, "synclog.column.reservation", line.reservationId());
        fact(facts, "synclog.column.outcome", words.outcome(line));
        fact(facts, "synclog.column.http-status", line.httpStatus());
        fact(facts, "synclog.detail.attempt", line.attempt());
        fact(facts, "synclog.detail.latency", line.latencyMs() == null ? null
                : getTranslation("synclog.detail.latency-ms", line.latencyMs()));
        return facts;
    }

    private void fact(FormLayout facts, String labelKey, Object value) {
        if (value != null) {
            facts.addFormItem(new Span(Objects.toString(value)), getTranslation(labelKey));
        }
    }

    private Div explanation(LogLine line) {
        var plain = new Paragraph(words.explanation(line));
        plain.setId("log-detail-explanation");
        var technical = new Paragraph(getTranslation("synclog.detail.technical", line.errorCode(),
                Objects.toString(line.errorDetail(), "")));
        technical.setId("log-detail-technical");
        technical.addClassName("secondary-text");
        var box = new Div(new H4(getTranslation("synclog.detail.what-happened")), plain, technical);
        box.addClassName("log-error");
        return box;
    }

    private HorizontalLayout actions(LogLine line, RestaurantRef restaurant) {
        var actions = new HorizontalLayout();
        if (line.replayable()) {
            var send = new Button(getTranslation("synclog.replay.one"), VaadinIcon.REFRESH.create(),
                    click -> replay(line));
            send.setId("log-detail-replay");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(send);
        }
        if (staff && line.reservationId() != null) {
            long reservationId = line.reservationId();
            DownloadHandler trace = event -> {
                event.setFileName("trace-" + restaurant.publicId() + "-" + reservationId + ".json");
                event.setContentType("application/json");
                syncLog.exportTrace(restaurant.id(), reservationId, event.getOutputStream());
            };
            var download = new Anchor(trace, "");
            download.add(new Button(getTranslation("synclog.trace.export"), VaadinIcon.DOWNLOAD.create()));
            download.setId("log-detail-trace");
            actions.add(download);
        }
        return actions;
    }

    private void replay(LogLine line) {
        try {
            syncLog.replay(line.restaurantId(), line.id());
        } catch (UserFacingException refused) {
            Feedback.error(getTranslation(refused.messageKey()));
            return;
        }
        Feedback.success(getTranslation("synclog.replay.one-done"));
        replayed.run();
    }

    private Div body(String id, String titleKey, String text) {
        var block = new Div(new H4(getTranslation(titleKey)));
        if (text == null || text.isBlank()) {
            var none = new Paragraph(getTranslation("synclog.detail.no-body"));
            none.setId(id);
            none.addClassName("empty-state");
            block.add(none);
        } else {
            var pre = new Pre(text);
            pre.setId(id);
            pre.getStyle().set("white-space", "pre-wrap").set("max-height", "24em").set("overflow", "auto");
            block.add(pre);
        }
        block.setWidthFull();
        return block;
    }
}
