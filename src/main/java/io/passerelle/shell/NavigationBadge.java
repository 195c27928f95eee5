package io.passerelle.shell;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/**
 * A number the navigation shows next to a menu entry for the current restaurant (how many things wait there). A
 * feature contributes one as a Spring bean; the shell cannot know the features, they know the shell.
 */
public interface NavigationBadge {

    /** The route of the menu entry, as in its {@code @Route}. */
    String route();

    /** The number for the restaurant; 0 shows no badge. Called as the person, whose access it must respect. */
    long count(long restaurantId);

    /** The i18n key of the badge's accessible label, with the number as {0}. */
    String labelKey();

    /** Tells the navigation of this UI to count again, after a change the badges may depend on. */
    static void refresh(UI ui) {
        ComponentUtil.fireEvent(ui, new Refresh(ui));
    }

    /** Fired on the UI by {@link #refresh(UI)}. */
    final class Refresh extends ComponentEvent<UI> {

        Refresh(UI ui) {
            super(ui, false);
        }
    }
}
