package io.passerelle.sync.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.shared.UserFacingException;
import io.passerelle.sync.ConnectionHealth;
import io.passerelle.sync.ManualSync;
import io.passerelle.sync.RunSummary;
import io.passerelle.sync.SyncProgress;
import io.passerelle.sync.SyncService;

/**
 * One push connection on the sync page: its health, and a manual sync with a live progress bar (Vaadin
 * Push), Cancel, and the summary when it ends. Progress arrives on the sync's own thread: every update
 * goes through {@link UI#access}, and calls no service (that thread has no signed-in person).
 */
class ConnectionSyncPanel extends Card {

    private final SyncService sync;
    private final RestaurantRef restaurant;
    private final PartnerConnection connection;
    private final Button start;
    private final Button cancel;
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Paragraph summary = new Paragraph();
    private final Span health = new Span();
    private ManualSync running;

    ConnectionSyncPanel(SyncService sync, RestaurantRef restaurant, PartnerConnection connection, String partnerName) {
        this.sync = sync;
        this.restaurant = restaurant;
        this.connection = connection;
        String prefix = "sync-" + connection.getId();
        setId(prefix);
        setTitle(partnerName);
        health.setId(prefix + "-health");
        health.addClassName("status-badge");
        setHeaderSuffix(health);
        showHealth();

        start = new Button(getTranslation("sync.action.start"), click -> start());
        start.setId(prefix + "-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(connection.isEnabled());
        cancel = new Button(getTranslation("sync.action.cancel"), click -> cancel());
        cancel.setId(prefix + "-cancel");
        cancel.setVisible(false);
        progress.setId(prefix + "-progress");
        progress.setVisible(false);
        progressText.setId(prefix + "-progress-text");
        summary.setId(prefix + "-summary");
        summary.setVisible(false);
        if (!connection.isEnabled()) {
            add(new Paragraph(getTranslation("sync.view.disabled")));
        }
        add(progress, progressText, summary);
        addToFooter(start, cancel);
    }

    private void start() {
        UI ui = UI.getCurrent();
        summary.setVisible(false);
        try {
            running = sync.startManualSync(restaurant.id(), connection.getId(), new SyncProgress() {
                @Override
                public void progress(int done, int total) {
                    ui.access(() -> showProgress(done, total));
                }

                @Override
                public void finished(RunSummary result) {
                    ui.access(() -> showSummary(result));
                }

                @Override
                public void failed() {
                    ui.access(() -> {
                        idle();
                        notifyError("sync.error.failed");
                    });
                }
            });
        } catch (UserFacingException refused) {
            notifyError(refused.messageKey());
            return;
        }
        start.setEnabled(false);
        cancel.setVisible(true);
        cancel.setEnabled(true);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        progressText.setText(getTranslation("sync.progress.starting"));
    }

    private void cancel() {
        if (running != null) {
            running.cancel();
            cancel.setEnabled(false);
            progressText.setText(getTranslation("sync.progress.cancelling"));
        }
    }

    private void showProgress(int done, int total) {
        progress.setIndeterminate(false);
        progress.setValue(total == 0 ? 1.0 : (double) done / total);
        progressText.setText(getTranslation("sync.progress.text", done, total));
    }

    private void showSummary(RunSummary result) {
        showProgress(result.sent() + result.unchanged() + result.missed() + result.failed(), result.total());
        idle();
        summary.setText(getTranslation(result.cancelled() ? "sync.summary.cancelled" : "sync.summary.done",
                result.sent(), result.unchanged(), result.missed(), result.failed()));
        summary.setVisible(true);
    }

    private void idle() {
        running = null;
        start.setEnabled(true);
        cancel.setVisible(false);
    }

    private void showHealth() {
        if (!connection.isEnabled()) {
            health.setText(getTranslation("sync.health.disabled"));
            health.getElement().setAttribute("data-status", "DISABLED");
            return;
        }
        ConnectionHealth current = sync.health(restaurant.id(), connection.getId());
        health.setText(getTranslation(current.status() == ConnectionHealth.Status.HEALTHY
                ? "sync.health.healthy" : "sync.health.degraded"));
        health.getElement().setAttribute("data-status", current.status().name());
    }

    private void notifyError(String key) {
        Notification.show(getTranslation(key), 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
