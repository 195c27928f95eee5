package io.passerelle.reservation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person types about a guest. Names are trimmed; a mobile typed with spaces, dots, dashes or
 * brackets is reduced to its E.164 form before it is checked; empty contact fields become null.
 */
public record GuestDetails(
        @NotBlank @Size(max = Guest.FIRST_NAME_MAX_LENGTH) String firstName,
        @NotBlank @Size(max = Guest.LAST_NAME_MAX_LENGTH) String lastName,
        @Pattern(regexp = Guest.MOBILE_PATTERN, message = "{guest.mobile.e164}") String mobile,
        @Email @Size(max = Guest.EMAIL_MAX_LENGTH) String email) {

    private static final java.util.regex.Pattern MOBILE_SEPARATORS = java.util.regex.Pattern.compile("[\\s.()\\-]");

    public GuestDetails {
        firstName = firstName == null ? null : firstName.strip();
        lastName = lastName == null ? null : lastName.strip();
        mobile = normalizeMobile(mobile);
        email = email == null || email.isBlank() ? null : email.strip();
    }

    /** "+39 333 123-4567" becomes "+393331234567"; blank becomes null; anything else is left to validation. */
    public static String normalizeMobile(String mobile) {
        if (mobile == null || mobile.isBlank()) {
            return null;
        }
        return MOBILE_SEPARATORS.matcher(mobile).replaceAll("");
    }
}
