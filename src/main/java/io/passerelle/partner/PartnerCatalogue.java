package io.passerelle.partner;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every partner Passerelle knows: all {@link PartnerAdapter} beans, by code. */
@Component
public class PartnerCatalogue {

    private final Map<String, PartnerAdapter> adaptersByCode;
    private final List<PartnerDescriptor> all;

    PartnerCatalogue(List<PartnerAdapter> adapters) {
        this.adaptersByCode = adapters.stream().collect(Collectors.toMap(adapter -> adapter.descriptor().code(),
                Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Two partners share the code " + a.descriptor().code());
                }));
        this.all = adapters.stream()
                .map(PartnerAdapter::descriptor)
                .sorted(Comparator.comparing(PartnerDescriptor::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** By name. */
    public List<PartnerDescriptor> all() {
        return all;
    }

    public Optional<PartnerDescriptor> byCode(String code) {
        return Optional.ofNullable(adaptersByCode.get(code)).map(PartnerAdapter::descriptor);
    }

    /** Categories in declaration order, partners by name; empty categories left out. */
    public Map<PartnerCategory, List<PartnerDescriptor>> byCategory() {
        return all.stream().collect(Collectors.groupingBy(PartnerDescriptor::category,
                () -> new EnumMap<>(PartnerCategory.class), Collectors.toList()));
    }

    /** The adapter that serves pay at table for this partner; empty when the partner offers none. */
    public Optional<PayAtTablePartner> payAtTable(String code) {
        return adaptersByCode.get(code) instanceof PayAtTablePartner payAtTable ? Optional.of(payAtTable)
                : Optional.empty();
    }

    /** The adapter that calls this push-style partner; fails for unknown codes and pull-style partners. */
    public PushPartnerAdapter pushAdapter(String code) {
        if (adaptersByCode.get(code) instanceof PushPartnerAdapter push) {
            return push;
        }
        throw new IllegalArgumentException("No push-style partner with the code " + code);
    }
}
