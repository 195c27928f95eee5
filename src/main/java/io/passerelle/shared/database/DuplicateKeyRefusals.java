package io.passerelle.shared.database;

import io.passerelle.shared.RuleViolationException;
import java.util.Optional;

/**
 * A service that checks its unique keys before writing, to refuse a duplicate next to the field it is about. Two
 * people racing past the check both find no duplicate; the database refuses the second write. The service then gives
 * the refusal of its own check for that duplicate ({@link DuplicateKeyTranslation} asks it, around every public
 * method, outside the transaction so that a refusal at commit is caught too).
 */
public interface DuplicateKeyRefusals {

    /** The refusal the service's check gives for this duplicate; empty for a key it does not check. */
    Optional<RuleViolationException> refusalOf(DuplicateKey duplicate);
}
