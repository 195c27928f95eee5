package io.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.session.SessionRegistry;

/** The rights a session holds never outlive a change of those rights. */
@PasserelleTest
@Import(TestFixtures.class)
class SessionEndingTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccountService accounts;

    @Autowired
    SessionRegistry sessions;

    @Test
    void changingARoleOrResellerEndsTheOpenSessionsButRenamingDoesNot() {
        var tenant = fixtures.tenant();
        var support = tenant.support();
        var admin = fixtures.staff(AppRole.ADMIN);
        String sessionId = TestFixtures.unique("session");
        sessions.registerNewSession(sessionId, new PasserelleUser(support));

        fixtures.runAs(admin, () -> accounts.update(new UpdateUserAccount(support.getId(), "Renamed support",
                AppRole.RESELLER_SUPPORT, tenant.resellerId(), Set.of())));
        assertThat(sessions.getSessionInformation(sessionId).isExpired()).isFalse();

        var otherReseller = fixtures.tenant().resellerId();
        fixtures.runAs(admin, () -> accounts.update(new UpdateUserAccount(support.getId(), "Renamed support",
                AppRole.RESELLER_SUPPORT, otherReseller, Set.of())));
        assertThat(sessions.getSessionInformation(sessionId).isExpired()).isTrue();
    }
}
