package io.passerelle.shell;

import com.vaadin.flow.component.Component;

/**
 * Something a feature shows in the navbar of every screen, next to the restaurant switcher (a notification
 * bell, a sync status). A bean of another module implements it, so the shell needs to know none of them;
 * it is a factory because every browser tab gets its own component.
 */
public interface NavbarWidget {

    /** Left to right, smallest first. */
    int order();

    Component create();
}
