package io.passerelle.connection;

import io.passerelle.partner.PosVersion;
import java.time.Instant;

/**
 * @param posVersion the version the POS reported, or null
 * @param testedAt   push: when the test ran; pull: when the POS last called with valid credentials (null: never)
 */
public record CredentialTestResult(CredentialTestOutcome outcome, PosVersion posVersion, Instant testedAt) {}
