package io.passerelle.connection;

import io.passerelle.partner.PartnerEventType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Events as the comma-separated wire names of PROTOCOL.md, readable in the database as they travel. */
@Converter
class PartnerEventsConverter implements AttributeConverter<Set<PartnerEventType>, String> {

    @Override
    public String convertToDatabaseColumn(Set<PartnerEventType> events) {
        return events.stream().sorted().map(PartnerEventType::wireName).collect(Collectors.joining(","));
    }

    @Override
    public Set<PartnerEventType> convertToEntityAttribute(String wireNames) {
        var events = EnumSet.noneOf(PartnerEventType.class);
        if (wireNames != null && !wireNames.isBlank()) {
            // a name this version does not know (written by a newer one) is skipped, not fatal
            Arrays.stream(wireNames.split(",")).map(String::strip).map(PartnerEventType::fromWireName)
                    .flatMap(Optional::stream).forEach(events::add);
        }
        return Collections.unmodifiableSet(events);
    }
}
