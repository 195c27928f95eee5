package io.passerelle.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import io.passerelle.KaribuTest;
import io.passerelle.security.AppRole;
import io.passerelle.shared.i18n.TranslationProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Opens every screen in every language and looks for untranslated keys ("!{key}!"). */
class EveryScreenIsTranslatedTest extends KaribuTest {

    @Test
    void everyRouteRendersWithoutMissingTranslationsInEveryLanguage() {
        fixtures.tenant();
        login(fixtures.staff(AppRole.ADMIN));
        List<String> problems = new ArrayList<>();
        List<String> paths = RouteConfiguration.forSessionScope().getAvailableRoutes().stream()
                .map(route -> route.getTemplate())
                .filter(template -> !template.contains(":"))
                .toList();
        assertThat(paths).contains("", "login");
        for (Locale locale : TranslationProvider.LOCALES) {
            UI.getCurrent().setLocale(locale);
            for (String path : paths) {
                navigate(path);
                for (Component component : LocatorJ._find(Component.class)) {
                    String text = component instanceof HasText hasText ? hasText.getText() : "";
                    String label = component.getElement().getProperty("label", "");
                    if (text.contains("!{") || label.contains("!{")) {
                        problems.add(locale + " /" + path + ": " + text + label);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
