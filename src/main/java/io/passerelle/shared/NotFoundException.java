package io.passerelle.shared;

/**
 * Something does not exist, or exists in a tenant the caller may not see: the two are deliberately
 * indistinguishable.
 */
public class NotFoundException extends UserFacingException {

    private NotFoundException(String what, Object id) {
        super(null, "error.not-found", what + " " + id + " not found");
    }

    public static NotFoundException forId(String what, Object id) {
        return new NotFoundException(what, id);
    }
}
