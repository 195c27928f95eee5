package io.passerelle.partner;

/** Where a partner is listed; a restaurant has at most one active connection per category. */
public enum PartnerCategory {
    TILL_POS("partner.category.till-pos");

    private final String messageKey;

    PartnerCategory(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
