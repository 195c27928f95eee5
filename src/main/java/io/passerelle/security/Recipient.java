package io.passerelle.security;

import java.util.Locale;

/** Someone to tell of something that happened to a restaurant: where to write, and in which language. */
public record Recipient(long userId, String email, Locale locale) {}
