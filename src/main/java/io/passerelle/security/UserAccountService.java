package io.passerelle.security;

import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.shared.SearchPattern;
import io.passerelle.shared.database.DuplicateKey;
import io.passerelle.shared.database.DuplicateKeyRefusals;
import jakarta.validation.Valid;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** People and their roles. Onboarding manages owners and support staff; only admins manage staff roles. */
@Service
@Validated
public class UserAccountService implements DuplicateKeyRefusals {

    private static final String STAFF = "hasAnyRole('ONBOARDING', 'ADMIN')";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int TEMPORARY_PASSWORD_LENGTH = 16;

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final SessionTerminator sessionTerminator;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    UserAccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, CurrentUser currentUser,
            SessionTerminator sessionTerminator, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.sessionTerminator = sessionTerminator;
        this.clock = clock;
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Page<UserSummary> search(String text, Pageable pageable) {
        return accounts.search(SearchPattern.contains(text), pageable);
    }

    /** The account with its restaurants loaded, to fill an edit form. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public UserAccount getForEditing(long userId) {
        return accounts.findWithRestaurantsById(userId).orElseThrow(() -> NotFoundException.forId("User", userId));
    }

    /** The roles the current user may give (and whose holders they may manage). */
    public Set<AppRole> grantableRoles() {
        return currentUser.require().role() == AppRole.ADMIN
                ? EnumSet.allOf(AppRole.class)
                : EnumSet.complementOf(EnumSet.of(AppRole.ONBOARDING, AppRole.ADMIN));
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Invitation invite(@Valid CreateUserAccount command) {
        String email = command.email().strip().toLowerCase(Locale.ROOT);
        if (accounts.existsByEmailIgnoreCase(email)) {
            throw emailTaken();
        }
        checkMayGrant(command.role());
        checkScope(command.role(), command.resellerId(), command.restaurantIds());
        String temporaryPassword = temporaryPassword();
        var account = new UserAccount(email, command.displayName().strip(), passwordEncoder.encode(temporaryPassword),
                command.role(), clock.instant());
        applyScope(account, command.role(), command.resellerId(), command.restaurantIds());
        account.setPreferredLocale(command.preferredLocale());
        return new Invitation(accounts.save(account), temporaryPassword);
    }

    @PreAuthorize(STAFF)
    @Transactional
    public UserAccount update(@Valid UpdateUserAccount command) {
        var account = find(command.userId());
        checkMayGrant(account.getRole());
        checkMayGrant(command.role());
        checkScope(command.role(), command.resellerId(), command.restaurantIds());
        boolean rightsChanged = account.getRole() != command.role()
                || !java.util.Objects.equals(account.getResellerId(),
                        command.role() == AppRole.RESELLER_SUPPORT ? command.resellerId() : null);
        account.setDisplayName(command.displayName().strip());
        account.setRole(command.role());
        applyScope(account, command.role(), command.resellerId(), command.restaurantIds());
        if (rightsChanged) {
            // role and reseller are held by the logged-in principal: open sessions must not keep the old rights
            sessionTerminator.endSessionsOf(account.getId());
        }
        return account;
    }

    /** Disabling ends every open session of that person at once. */
    @PreAuthorize(STAFF)
    @Transactional
    public UserAccount setEnabled(long userId, boolean enabled) {
        var account = find(userId);
        if (account.getId() == currentUser.require().userId()) {
            throw new RuleViolationException(null, "user.error.disable-self", "You cannot disable your own account");
        }
        checkMayGrant(account.getRole());
        account.setEnabled(enabled);
        if (!enabled) {
            sessionTerminator.endSessionsOf(account.getId());
        }
        return account;
    }

    /** The restaurant the current user looked at last, to reopen it at the next login. */
    @Transactional
    public void rememberRestaurant(long restaurantId) {
        find(currentUser.require().userId()).setLastRestaurantId(restaurantId);
    }

    @Transactional
    public void changeLocale(Locale locale) {
        find(currentUser.require().userId()).setPreferredLocale(locale);
    }

    @Transactional(readOnly = true)
    public UserAccount me() {
        return find(currentUser.require().userId());
    }

    /** Whether the given owner was granted the restaurant (owners only; other roles are scoped elsewhere). */
    @Transactional(readOnly = true)
    public boolean ownsRestaurant(long userId, long restaurantId) {
        return accounts.ownsRestaurant(userId, restaurantId);
    }

    /**
     * Machine side (alerts): who must hear of a restaurant's trouble, its owners and its reseller's support.
     * No user check: there is no person behind the caller, and nothing but contact details leaves.
     */
    @Transactional(readOnly = true)
    public List<Recipient> peopleResponsibleFor(long restaurantId, long resellerId) {
        return accounts.findPeopleResponsibleFor(restaurantId, resellerId).stream()
                .map(account -> new Recipient(account.getId(), account.getEmail(),
                        account.getPreferredLocale() == null ? Locale.ENGLISH : account.getPreferredLocale()))
                .toList();
    }

    private UserAccount find(long userId) {
        return accounts.findById(userId).orElseThrow(() -> NotFoundException.forId("User", userId));
    }

    private void checkMayGrant(AppRole role) {
        if (!grantableRoles().contains(role)) {
            throw new RuleViolationException("role", "user.error.role-admin-only",
                    "Only an administrator may manage staff accounts");
        }
    }

    private static void checkScope(AppRole role, Long resellerId, Set<Long> restaurantIds) {
        if (role == AppRole.OWNER && restaurantIds.isEmpty()) {
            throw new RuleViolationException("restaurantIds", "user.error.owner-needs-restaurant",
                    "An owner needs at least one restaurant");
        }
        if (role == AppRole.RESELLER_SUPPORT && resellerId == null) {
            throw new RuleViolationException("resellerId", "user.error.support-needs-reseller",
                    "Support staff need a reseller");
        }
    }

    private static void applyScope(UserAccount account, AppRole role, Long resellerId, Set<Long> restaurantIds) {
        account.setResellerId(role == AppRole.RESELLER_SUPPORT ? resellerId : null);
        account.setRestaurantIds(role == AppRole.OWNER ? restaurantIds : Set.of());
    }

    private String temporaryPassword() {
        var password = new StringBuilder(TEMPORARY_PASSWORD_LENGTH);
        for (int i = 0; i < TEMPORARY_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    /** Two people racing to invite the same address: the loser reads what the check above tells. */
    @Override
    public Optional<RuleViolationException> refusalOf(DuplicateKey duplicate) {
        return "uk_user_account_email".equals(duplicate.constraint()) ? Optional.of(emailTaken()) : Optional.empty();
    }

    private static RuleViolationException emailTaken() {
        return new RuleViolationException("email", "user.error.email-taken", "E-mail already in use");
    }
}
