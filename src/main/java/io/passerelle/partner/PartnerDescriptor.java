package io.passerelle.partner;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What Passerelle knows of a partner: data, not code paths. Views and services decide what to show
 * and require from these fields, never from the partner's code.
 *
 * @param code                  stable identifier stored on connections (lower case, digits, dashes)
 * @param name                  the brand name shown to people
 * @param takesTableAssignments the reservation's table is sent to the POS (push style, DOMAIN rule 6)
 * @param payAtTable            the POS offers pay at table: it needs a server URL and an installation ID
 * @param supportedEvents       the events this POS can send; the restaurant picks among them
 * @param minimumPosVersion     an older POS fails the credential test with a clear message
 */
public record PartnerDescriptor(
        String code,
        String name,
        PartnerCategory category,
        PartnerStyle style,
        boolean takesTableAssignments,
        boolean payAtTable,
        Set<PartnerEventType> supportedEvents,
        PosVersion minimumPosVersion) {

    public static final int CODE_MAX_LENGTH = 40;

    public PartnerDescriptor {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[a-z0-9-]{1," + CODE_MAX_LENGTH + "}")) {
            throw new IllegalArgumentException("Partner code must be lower case letters, digits and dashes: " + code);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(minimumPosVersion, "minimumPosVersion");
        // EnumSet keeps the declaration order, so every screen lists events the same way.
        supportedEvents = Collections.unmodifiableSet(supportedEvents.isEmpty()
                ? EnumSet.noneOf(PartnerEventType.class)
                : EnumSet.copyOf(supportedEvents));
    }

    public boolean isPush() {
        return style == PartnerStyle.PUSH;
    }
}
