package io.passerelle.partnerapi;

/** Ends a partner API request with a problem (see {@link PartnerApiExceptionHandler}). */
class PartnerApiException extends RuntimeException {

    private final transient Problem problem;

    PartnerApiException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
