package io.passerelle.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

public record UpdateUserAccount(
        long userId,
        @NotBlank @Size(max = UserAccount.DISPLAY_NAME_MAX_LENGTH) String displayName,
        @NotNull AppRole role,
        Long resellerId,
        @NotNull Set<Long> restaurantIds) {}
