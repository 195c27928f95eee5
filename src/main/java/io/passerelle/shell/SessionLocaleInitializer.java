package io.passerelle.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.passerelle.security.CurrentUser;
import io.passerelle.security.UserAccountService;
import io.passerelle.shared.i18n.TranslationProvider;
import org.springframework.stereotype.Component;

/**
 * Each new UI speaks the language the person chose; without a choice, Vaadin's pick from the
 * browser's languages stands. Also installs the error handler on every session.
 */
@Component
class SessionLocaleInitializer implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final UserAccountService accounts;

    SessionLocaleInitializer(CurrentUser currentUser, UserAccountService accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new UserErrorHandler()));
        event.getSource().addUIInitListener(init -> {
            if (currentUser.get().isPresent()) {
                var preferred = accounts.me().getPreferredLocale();
                if (preferred != null) {
                    init.getUI().setLocale(TranslationProvider.supported(preferred));
                }
            }
        });
    }
}
