package io.passerelle.security;

import java.time.Clock;
import java.util.Locale;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts outside any user session: the first administrator of a new installation and the
 * demo accounts. Not reachable from the UI.
 */
@Service
public class AccountProvisioning {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountProvisioning(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean anyAccountExists() {
        return accounts.count() > 0;
    }

    @Transactional
    public UserAccount provision(CreateUserAccount command, String password) {
        var account = new UserAccount(command.email().strip().toLowerCase(Locale.ROOT), command.displayName(),
                passwordEncoder.encode(password), command.role(), clock.instant());
        account.setResellerId(command.resellerId());
        account.setRestaurantIds(command.restaurantIds());
        account.setPreferredLocale(command.preferredLocale());
        return accounts.save(account);
    }
}
