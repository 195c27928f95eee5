package io.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartnerCatalogueTest {

    @Test
    void listsPartnersByNameGroupedByCategoryAndFindsThemByCode() {
        var zeta = partner("zeta", "Zeta Till", PartnerStyle.PULL);
        var alpha = partner("alpha", "alpha POS", PartnerStyle.PUSH);
        var catalogue = new PartnerCatalogue(List.of(() -> zeta, () -> alpha));

        assertThat(catalogue.all()).containsExactly(alpha, zeta);
        assertThat(catalogue.byCategory()).containsOnlyKeys(PartnerCategory.TILL_POS);
        assertThat(catalogue.byCategory().get(PartnerCategory.TILL_POS)).containsExactly(alpha, zeta);
        assertThat(catalogue.byCode("zeta")).contains(zeta);
        assertThat(catalogue.byCode("nope")).isEmpty();
    }

    @Test
    void pushAdaptersOnlyForPushPartners() {
        var pull = partner("pull", "Pull", PartnerStyle.PULL);
        var catalogue = new PartnerCatalogue(List.of(() -> pull));

        assertThatThrownBy(() -> catalogue.pushAdapter("pull")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalogue.pushAdapter("unknown")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoPartnersWithOneCodeAreAStartUpError() {
        var one = partner("same", "One", PartnerStyle.PULL);
        var other = partner("same", "Other", PartnerStyle.PUSH);

        assertThatThrownBy(() -> new PartnerCatalogue(List.of(() -> one, () -> other)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("same");
    }

    @Test
    void descriptorsRefuseCodesThatCannotBeStoredSafely() {
        assertThatThrownBy(() -> partner("Not A Code", "x", PartnerStyle.PULL)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PartnerDescriptor partner(String code, String name, PartnerStyle style) {
        return new PartnerDescriptor(code, name, PartnerCategory.TILL_POS, style, false, false,
                Set.of(PartnerEventType.ORDER_CLOSED), PosVersion.parse("1.0"));
    }
}
