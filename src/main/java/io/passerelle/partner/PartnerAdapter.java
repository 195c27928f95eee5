package io.passerelle.partner;

/**
 * One partner. Adding a partner is one class implementing this (or {@link PushPartnerAdapter}) as a
 * Spring component in its own sub-package: {@link PartnerCatalogue} picks it up.
 */
public interface PartnerAdapter {

    PartnerDescriptor descriptor();
}
