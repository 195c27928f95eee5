package io.passerelle.connection;

import io.passerelle.partner.PartnerDescriptor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Connect a restaurant to a partner of the catalogue. */
public record ConnectPartner(
        long restaurantId,
        @NotBlank @Size(max = PartnerDescriptor.CODE_MAX_LENGTH) String partnerCode,
        @NotNull @Valid ConnectionDetails details) {

    /** The field a refusal of the partner itself names (unknown, or already connected): no form field fixes it. */
    public static final String PARTNER_FIELD = "partnerCode";
}
