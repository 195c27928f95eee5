package io.passerelle.shared;

/** A request that breaks a business rule: a duplicate name, an illegal status change, ... */
public class RuleViolationException extends UserFacingException {

    public RuleViolationException(String field, String messageKey, String englishMessage, Object... arguments) {
        super(field, messageKey, englishMessage, arguments);
    }
}
