package io.passerelle.connection;

import io.passerelle.partner.PartnerEventType;
import io.passerelle.partner.PartnerStyle;
import io.passerelle.partner.PosVersion;
import java.util.Set;

/**
 * Who a POS request comes from, once its credentials were accepted.
 *
 * @param events the events this connection's POS was set up to send: any other is refused (PROTOCOL.md 403)
 */
public record AuthenticatedConnection(
        long connectionId,
        long restaurantId,
        int publicId,
        String partnerCode,
        PartnerStyle style,
        PosVersion minimumPosVersion,
        Set<PartnerEventType> events) {}
