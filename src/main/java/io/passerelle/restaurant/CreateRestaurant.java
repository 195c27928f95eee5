package io.passerelle.restaurant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.Locale;

public record CreateRestaurant(
        @NotBlank @Size(max = Restaurant.NAME_MAX_LENGTH) String name,
        @NotNull ZoneId timeZone,
        @NotNull Locale locale,
        @NotNull Long resellerId) {}
