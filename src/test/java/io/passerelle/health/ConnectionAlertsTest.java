package io.passerelle.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.Recipient;
import io.passerelle.security.UserAccount;
import io.passerelle.security.UserAccountService;
import io.passerelle.shared.i18n.TranslationProvider;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Alerts on a clock the test moves: once per failure episode, once at recovery; e-mail to a real SMTP server. */
@PasserelleTest
@Import({TestFixtures.class, HealthFixtures.class})
class ConnectionAlertsTest {

    @Autowired TestFixtures fixtures;
    @Autowired HealthFixtures history;
    @Autowired HealthStore store;
    @Autowired NotificationService notifications;
    @Autowired AlertMailer mailer;
    @Autowired RestaurantService restaurants;
    @Autowired UserAccountService accounts;
    @Autowired PartnerCatalogue catalogue;
    @Autowired AlertSettings settings;
    @Autowired TranslationProvider translations;

    @Test
    void ownersAndSupportAreToldOncePerEpisodeAndAgainAtRecovery() {
        Tenant tenant = fixtures.tenant();
        Tenant stranger = fixtures.tenant();
        PartnerConnection connection = history.connection(tenant, tenant.restaurant().getId());
        Instant start = Instant.now().minus(Duration.ofDays(1));
        var clock = new MovableClock(start);
        var alerts = new ConnectionAlerts(store, notifications, mailer, restaurants, accounts, catalogue, settings,
                clock);

        history.failed(connection, start);
        clock.set(start.plus(settings.failingAfter()).minusSeconds(1));
        alerts.check();
        assertThat(kinds(tenant.owner())).isEmpty();

        clock.set(start.plus(settings.failingAfter()));
        alerts.check();
        history.failed(connection, clock.instant());
        clock.set(start.plus(settings.failingAfter()).plus(Duration.ofMinutes(5)));
        alerts.check();
        assertThat(kinds(tenant.owner())).containsExactly(NotificationKind.CONNECTION_FAILING);
        assertThat(kinds(tenant.support())).containsExactly(NotificationKind.CONNECTION_FAILING);
        assertThat(kinds(stranger.support())).isEmpty();
        assertThat(kinds(stranger.owner())).isEmpty();
        assertThat(fixtures.runAs(tenant.owner(), () -> notifications.unreadCount())).isEqualTo(1);

        history.delivered(connection, clock.instant(), Duration.ofSeconds(2));
        clock.set(clock.instant().plusSeconds(60));
        alerts.check();
        alerts.check();
        assertThat(kinds(tenant.owner()))
                .containsExactly(NotificationKind.CONNECTION_RECOVERED, NotificationKind.CONNECTION_FAILING);

        // a new episode is a new announcement
        history.failed(connection, clock.instant());
        clock.set(clock.instant().plus(settings.failingAfter()));
        alerts.check();
        assertThat(kinds(tenant.support())).containsExactly(NotificationKind.CONNECTION_FAILING,
                NotificationKind.CONNECTION_RECOVERED, NotificationKind.CONNECTION_FAILING);

        fixtures.runAs(tenant.owner(), () -> {
            notifications.markAllRead();
            return null;
        });
        assertThat(fixtures.runAs(tenant.owner(), () -> notifications.unreadCount())).isZero();
        assertThat(fixtures.runAs(tenant.support(), () -> notifications.unreadCount())).isEqualTo(3);
    }

    @Test
    void alertsAreEmailedInTheRecipientsLanguage() throws Exception {
        var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.getSmtp().getPort());
            var beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
            var smtpMailer = new AlertMailer(beans.getBeanProvider(JavaMailSender.class), translations, settings);

            smtpMailer.send(List.of(new Recipient(1, "owner@resto.example", Locale.FRENCH),
                    new Recipient(2, "support@reseller.example", Locale.ITALIAN)),
                    NotificationKind.CONNECTION_FAILING, "Trattoria [123456] – CaissePad");

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(2);
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("owner@resto.example");
            assertThat(received[0].getSubject()).isEqualTo("Connexion en échec : Trattoria [123456] – CaissePad");
            assertThat(received[1].getSubject()).isEqualTo("Connessione in errore: Trattoria [123456] – CaissePad");
            assertThat((String) received[1].getContent()).contains("non arrivano alla cassa");
        } finally {
            smtp.stop();
        }
    }

    private List<NotificationKind> kinds(UserAccount account) {
        return fixtures.runAs(account, () -> notifications.latest()).stream().map(UserNotification::kind).toList();
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
