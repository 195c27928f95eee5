package io.passerelle.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import io.passerelle.KaribuTest;
import com.vaadin.flow.router.QueryParameters;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginViewTest extends KaribuTest {

    @Test
    void anonymousVisitorsAreSentToTheLoginForm() {
        navigate("reservations");

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
        assertThat(byId(LoginForm.class, "login-form").isError()).isFalse();
    }

    @Test
    void aFailedLoginShowsOneMessageForEveryCauseAndFollowsTheLanguage() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        UI.getCurrent().setLocale(Locale.ITALIAN);

        var form = byId(LoginForm.class, "login-form");
        assertThat(form.isError()).isTrue();
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n"))).contains("E-mail o password non corretti");
        assertThat(form.getAction()).isEqualTo("login");
    }
}
