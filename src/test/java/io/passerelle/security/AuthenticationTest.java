package io.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The login as the form submits it, through the real authentication manager. Every refusal looks the
 * same from outside. The throttle is shared by the whole test context, so each test uses fresh accounts.
 */
@PasserelleTest
@Import(TestFixtures.class)
class AuthenticationTest {

    private static final int MAX_FAILURES = 5;

    @Autowired
    AuthenticationManager authenticationManager;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccountService accounts;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void correctPasswordAuthenticatesAsThePerson() {
        UserAccount owner = fixtures.account(AppRole.OWNER, null, Set.of());

        Authentication result = attempt(owner.getEmail(), TestFixtures.PASSWORD);

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getPrincipal()).isInstanceOfSatisfying(PasserelleUser.class, user -> {
            assertThat(user.userId()).isEqualTo(owner.getId());
            assertThat(user.getPassword()).as("credentials are erased after login").isNull();
        });
        // Spring Security 7 adds a FACTOR_PASSWORD authority for the factor used; exactly one role matters here
        assertThat(result.getAuthorities()).extracting(a -> a.getAuthority())
                .filteredOn(authority -> authority.startsWith("ROLE_"))
                .containsExactly("ROLE_OWNER");
    }

    @Test
    void accountNameIsCaseInsensitive() {
        UserAccount owner = fixtures.account(AppRole.OWNER, null, Set.of());

        assertThat(attempt(owner.getEmail().toUpperCase(Locale.ROOT), TestFixtures.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void wrongPasswordIsRefused() {
        UserAccount owner = fixtures.account(AppRole.OWNER, null, Set.of());

        assertThatThrownBy(() -> attempt(owner.getEmail(), "wrong password"))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials");
    }

    @Test
    void afterFiveFailuresEvenTheCorrectPasswordIsRefusedTheSameWay() {
        UserAccount owner = fixtures.account(AppRole.OWNER, null, Set.of());
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThatThrownBy(() -> attempt(owner.getEmail(), "guess")).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> attempt(owner.getEmail(), TestFixtures.PASSWORD))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials");
    }

    @Test
    void fourFailuresDoNotBlockAndASuccessStartsTheCountAgain() {
        UserAccount owner = fixtures.account(AppRole.OWNER, null, Set.of());
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            assertThatThrownBy(() -> attempt(owner.getEmail(), "guess")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(attempt(owner.getEmail(), TestFixtures.PASSWORD).isAuthenticated()).isTrue();
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            assertThatThrownBy(() -> attempt(owner.getEmail(), "guess")).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(attempt(owner.getEmail(), TestFixtures.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void unknownAccountGetsExactlyTheAnswerOfAWrongPassword() {
        UserAccount owner = fixtures.account(AppRole.OWNER, null, Set.of());
        String unknown = TestFixtures.unique("nobody") + "@test.example";

        Throwable wrongPassword = catchFailure(owner.getEmail(), "wrong password");
        Throwable unknownAccount = catchFailure(unknown, "wrong password");

        assertThat(unknownAccount).isExactlyInstanceOf(wrongPassword.getClass())
                .hasMessage(wrongPassword.getMessage());
    }

    @Test
    void disabledAccountIsRefusedLikeAWrongPassword() {
        UserAccount owner = fixtures.account(AppRole.OWNER, null, Set.of());
        fixtures.runAs(fixtures.staff(AppRole.ONBOARDING), () -> accounts.setEnabled(owner.getId(), false));

        assertThatThrownBy(() -> attempt(owner.getEmail(), TestFixtures.PASSWORD))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials");
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        UserAccount provisioned = fixtures.account(AppRole.OWNER, null, Set.of());
        Invitation invited = fixtures.runAs(fixtures.staff(AppRole.ADMIN), () -> accounts.invite(
                new CreateUserAccount(TestFixtures.unique("invited") + "@test.example", "Invited", AppRole.ONBOARDING,
                        null, Set.of(), Locale.ITALIAN)));

        for (var account : new UserAccount[] {provisioned, invited.account()}) {
            String hash = repository.findById(account.getId()).orElseThrow().getPasswordHash();
            assertThat(hash).startsWith("{bcrypt}$2");
        }
        String invitedHash = repository.findById(invited.account().getId()).orElseThrow().getPasswordHash();
        assertThat(invitedHash).doesNotContain(invited.temporaryPassword());
        assertThat(passwordEncoder.matches(invited.temporaryPassword(), invitedHash)).isTrue();
        assertThat(invited.toString()).doesNotContain(invited.temporaryPassword());
    }

    private Authentication attempt(String email, String password) {
        return authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
    }

    private Throwable catchFailure(String email, String password) {
        try {
            attempt(email, password);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the login of " + email + " to fail");
    }
}
