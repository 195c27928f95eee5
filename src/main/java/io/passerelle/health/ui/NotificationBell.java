package io.passerelle.health.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import io.passerelle.health.LiveUpdates;
import io.passerelle.health.NotificationService;
import io.passerelle.health.UserNotification;
import io.passerelle.security.CurrentUser;
import java.time.Clock;

/**
 * The notification centre in the navbar: a bell with the unread count (updated live by Push when an alert is
 * raised), opening the list, where each notification or all of them are marked as read.
 */
class NotificationBell extends Div {

    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final LiveUpdates updates;
    private final Clock clock;
    private final Button bell;
    private final Span count = new Span();
    private long unread;
    private Registration registration;

    NotificationBell(NotificationService notifications, CurrentUser currentUser, LiveUpdates updates, Clock clock) {
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.updates = updates;
        this.clock = clock;
        bell = new Button(VaadinIcon.BELL.create(), click -> open());
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge error small pill");
        add(bell, count);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        unread = notifications.unreadCount();
        renderCount();
        UI ui = event.getUI();
        registration = updates.notified().register(currentUser.require().userId(), notification -> ui.access(() -> {
            unread++;
            renderCount();
        }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (registration != null) {
            registration.remove();
            registration = null;
        }
    }

    private void renderCount() {
        count.setText(String.valueOf(unread));
        count.setVisible(unread > 0);
        bell.setAriaLabel(getTranslation("health.notifications.bell", unread));
    }

    private void open() {
        var dialog = new Dialog();
        dialog.setId("notification-dialog");
        dialog.setHeaderTitle(getTranslation("health.notifications.title"));
        var list = new VerticalLayout();
        list.setPadding(false);
        fill(list);
        dialog.add(list);
        var markAll = new Button(getTranslation("health.notifications.mark-all-read"), click -> {
            notifications.markAllRead();
            refresh(list);
        });
        markAll.setId("notification-mark-all-read");
        var close = new Button(getTranslation("health.notifications.close"), click -> dialog.close());
        close.setId("notification-close");
        close.addClickShortcut(Key.ESCAPE);
        dialog.getFooter().add(markAll, close);
        dialog.open();
    }

    private void refresh(VerticalLayout list) {
        list.removeAll();
        fill(list);
        unread = notifications.unreadCount();
        renderCount();
    }

    private void fill(VerticalLayout list) {
        var latest = notifications.latest();
        if (latest.isEmpty()) {
            var empty = new Paragraph(getTranslation("health.notifications.empty"));
            empty.setId("notification-empty");
            empty.addClassName("empty-state");
            list.add(empty);
        }
        for (UserNotification notification : latest) {
            var text = new Span(getTranslation(notification.kind().messageKey(), notification.subject()));
            var when = new Span(Formats.age(this, notification.createdAt(), clock.instant()));
            when.addClassName("secondary-text");
            var row = new HorizontalLayout(text, when);
            row.setId("notification-" + notification.id());
            row.addClassName(notification.unread() ? "unread" : "read");
            if (notification.unread()) {
                var read = new Button(getTranslation("health.notifications.mark-read"), click -> {
                    notifications.markRead(notification.id());
                    refresh(list);
                });
                read.setId("notification-" + notification.id() + "-read");
                read.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                row.add(read);
            } else {
                text.getStyle().set("color", "var(--lumo-secondary-text-color)");
            }
            list.add(row);
        }
    }
}
