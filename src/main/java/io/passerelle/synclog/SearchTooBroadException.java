package io.passerelle.synclog;

import io.passerelle.shared.RuleViolationException;

/**
 * A word search that read its limit of the log (or its time) before filling a page: stopped, never shown as an
 * empty result. The screen says so next to its search field.
 */
public class SearchTooBroadException extends RuleViolationException {

    public SearchTooBroadException() {
        super("text", "synclog.search-too-broad",
                "The search read too much of the log; narrow the period or add a filter");
    }
}
