package io.passerelle.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Set;

/** Invite a person: they get a temporary password, shown once to the staff member who invites them. */
public record CreateUserAccount(
        @NotBlank @Email @Size(max = UserAccount.EMAIL_MAX_LENGTH) String email,
        @NotBlank @Size(max = UserAccount.DISPLAY_NAME_MAX_LENGTH) String displayName,
        @NotNull AppRole role,
        Long resellerId,
        @NotNull Set<Long> restaurantIds,
        Locale preferredLocale) {}
