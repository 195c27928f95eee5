package io.passerelle.partner;

import java.util.Locale;

/** How a partner exchanges data with Passerelle. */
public enum PartnerStyle {
    /** The POS calls Passerelle with the restaurant's public ID and an API key generated here. */
    PULL,
    /** Passerelle calls the POS's webhook URL; the POS calls back with the token it gave. */
    PUSH;

    public String messageKey() {
        return "partner.style." + name().toLowerCase(Locale.ROOT);
    }
}
