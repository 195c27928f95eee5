package io.passerelle.partner.cassasmart;

import io.passerelle.partner.PartnerAdapter;
import io.passerelle.partner.PartnerCategory;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.PartnerEventType;
import io.passerelle.partner.PartnerStyle;
import io.passerelle.partner.PosVersion;
import java.util.EnumSet;
import org.springframework.stereotype.Component;

/**
 * CassaSmart, an Italian till that pulls (modelled on the Italian help article): it logs in with the
 * restaurant's public ID and an API key, fetches reservations, attaches them to orders and reports
 * closed bills. Tables are never sent to it; it fills them in when it attaches a reservation.
 */
@Component
class CassaSmartAdapter implements PartnerAdapter {

    private static final PartnerDescriptor DESCRIPTOR = new PartnerDescriptor(
            "cassasmart",
            "CassaSmart",
            PartnerCategory.TILL_POS,
            PartnerStyle.PULL,
            false,
            false,
            EnumSet.of(PartnerEventType.RESERVATION_ATTACHED, PartnerEventType.ORDER_CLOSED),
            PosVersion.parse("5.2.0"));

    @Override
    public PartnerDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
