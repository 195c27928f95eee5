package io.passerelle.synclog;

import java.time.Instant;

/** Where a page of the log ended: the next page starts with the line just older than this one. */
public record LogPosition(Instant occurredAt, long id) {}
