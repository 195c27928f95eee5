package io.passerelle.synclog;

/**
 * One line with its bodies, secrets removed and JSON pretty-printed, ready to read.
 *
 * @param request  what was sent (or received), or null
 * @param response what came back, or null
 */
public record LogDetail(LogLine line, String request, String response) {}
