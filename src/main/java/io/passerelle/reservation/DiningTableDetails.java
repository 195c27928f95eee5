package io.passerelle.reservation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;

/** A table as the restaurant describes it; the name is trimmed. {@code roomId} may be null. */
public record DiningTableDetails(
        @NotBlank @Size(max = DiningTable.NAME_MAX_LENGTH) String name,
        @NotNull
        @Range(min = DiningTable.MIN_SEATS, max = DiningTable.MAX_SEATS, message = "{table.seats.range}")
        Integer seats,
        Long roomId) {

    public DiningTableDetails {
        name = name == null ? null : name.strip();
    }
}
