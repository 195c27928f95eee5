package io.passerelle.health;

import io.passerelle.security.Recipient;
import io.passerelle.shared.i18n.TranslationProvider;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Alert e-mails, one per recipient in their language. Spring Boot makes a mail sender only when
 * {@code spring.mail.host} is configured; without one this does nothing (the in-app notification remains).
 */
@Component
class AlertMailer {

    private static final Logger log = LoggerFactory.getLogger(AlertMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final TranslationProvider translations;
    private final AlertSettings settings;

    AlertMailer(ObjectProvider<JavaMailSender> mailSender, TranslationProvider translations, AlertSettings settings) {
        this.mailSender = mailSender;
        this.translations = translations;
        this.settings = settings;
    }

    void send(List<Recipient> recipients, NotificationKind kind, String subject) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (Recipient recipient : recipients) {
            var mail = new SimpleMailMessage();
            mail.setFrom(settings.mailFrom());
            mail.setTo(recipient.email());
            mail.setSubject(translations.getTranslation(kind.mailSubjectKey(), recipient.locale(), subject));
            mail.setText(translations.getTranslation(kind.messageKey(), recipient.locale(), subject));
            try {
                sender.send(mail);
            } catch (MailException e) {
                // the in-app notification is already there; one bad address must not stop the others
                log.warn("Could not e-mail the {} alert to user {}", kind, recipient.userId(), e);
            }
        }
    }
}
