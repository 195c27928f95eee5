package io.passerelle.security;

/** What a person may see: their own restaurants, a reseller's, or all of them. */
public enum AppRole {
    /** Runs one or more restaurants; sees only those. */
    OWNER,
    /** A POS reseller's support desk; sees every restaurant of its reseller. */
    RESELLER_SUPPORT,
    /** The platform's onboarding team; sees all restaurants, creates them and their users. */
    ONBOARDING,
    /** Operates Passerelle itself. */
    ADMIN;

    public static final String OWNER_NAME = "OWNER";
    public static final String RESELLER_SUPPORT_NAME = "RESELLER_SUPPORT";
    public static final String ONBOARDING_NAME = "ONBOARDING";
    public static final String ADMIN_NAME = "ADMIN";

    /** Sees every restaurant, whoever owns it. */
    public boolean seesAllRestaurants() {
        return this == ONBOARDING || this == ADMIN;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
