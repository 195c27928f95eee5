package io.passerelle.connection;

import io.passerelle.partner.PartnerStyle;
import io.passerelle.partner.PosVersion;

/** Who a POS request comes from, once its credentials were accepted. */
public record AuthenticatedConnection(
        long connectionId,
        long restaurantId,
        int publicId,
        String partnerCode,
        PartnerStyle style,
        PosVersion minimumPosVersion) {}
