package io.passerelle.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.restaurant.Restaurant;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.CurrentUser;
import io.passerelle.security.UserAccountService;
import io.passerelle.shared.i18n.TranslationProvider;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The frame around every view: navigation from {@code @Menu} entries, restaurant switcher, the other
 * modules' {@link NavbarWidget}s, user menu.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();
    private final CurrentRestaurant currentRestaurant;
    private final List<NavigationBadge> badges;
    private final Map<NavigationBadge, SideNavItem> badgedItems = new HashMap<>();

    MainLayout(AuthenticationContext authentication, CurrentUser currentUser, CurrentRestaurant currentRestaurant,
            RestaurantService restaurants, UserAccountService accounts, List<NavbarWidget> widgets,
            ObjectProvider<NavigationBadge> badges) {
        this.currentRestaurant = currentRestaurant;
        this.badges = badges.orderedStream().toList();
        setPrimarySection(Section.DRAWER);
        viewTitle.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        var header = new HorizontalLayout(viewTitle, restaurantSwitcher(currentRestaurant, restaurants));
        widgets.stream().sorted(Comparator.comparingInt(NavbarWidget::order))
                .forEach(widget -> header.add(widget.create()));
        header.add(userMenu(authentication, currentUser, accounts));
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(viewTitle);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(new DrawerToggle(), header);

        var appName = new Span(getTranslation("app.name"));
        appName.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-xl)")
                .set("padding", "var(--lumo-space-m)");
        addToDrawer(appName, navigation());
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
        refreshBadges();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        var registration = ComponentUtil.addListener(ui, NavigationBadge.Refresh.class, refresh -> refreshBadges());
        addDetachListener(detach -> {
            registration.remove();
            detach.unregisterListener();
        });
    }

    /** Counts for the current restaurant; none selected, or nothing waiting: no badge. */
    private void refreshBadges() {
        Long restaurantId = badgedItems.isEmpty() ? null : currentRestaurant.get().map(RestaurantRef::id).orElse(null);
        badgedItems.forEach((badge, item) -> {
            long count = restaurantId == null ? 0 : badge.count(restaurantId);
            if (count == 0) {
                item.setSuffixComponent(null);
                return;
            }
            var counter = new Span(String.valueOf(count));
            counter.getElement().getThemeList().addAll(List.of("badge", "error", "pill", "small"));
            counter.getElement().setAttribute("aria-label", getTranslation(badge.labelKey(), count));
            counter.setId("nav-badge-" + badge.route());
            item.setSuffixComponent(counter);
        });
    }

    private SideNav navigation() {
        var nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            var item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon().substring("vaadin:".length())
                        .toUpperCase(Locale.ROOT).replace('-', '_')).create());
            }
            nav.addItem(item);
            badges.stream()
                    .filter(badge -> routeOf(entry).equals(badge.route()))
                    .forEach(badge -> badgedItems.put(badge, item));
        }
        return nav;
    }

    private static String routeOf(MenuEntry entry) {
        return entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
    }

    private ComboBox<RestaurantRef> restaurantSwitcher(CurrentRestaurant currentRestaurant,
            RestaurantService restaurants) {
        var switcher = new ComboBox<RestaurantRef>();
        switcher.setId("restaurant-switcher");
        switcher.setAriaLabel(getTranslation("shell.restaurant-switcher"));
        switcher.setPlaceholder(getTranslation("shell.restaurant-switcher"));
        switcher.setWidth("22em");
        switcher.setItemLabelGenerator(RestaurantRef::displayName);
        switcher.setItems(query -> restaurants
                .search(query.getFilter().orElse(null),
                        PageRequest.of(query.getPage(), query.getPageSize(), Sort.by("name")))
                .map(Restaurant::toRef)
                .stream());
        currentRestaurant.get().ifPresent(switcher::setValue);
        switcher.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                currentRestaurant.select(event.getValue().id());
                UI.getCurrent().refreshCurrentRoute(false);
            }
        });
        return switcher;
    }

    private MenuBar userMenu(AuthenticationContext authentication, CurrentUser currentUser,
            UserAccountService accounts) {
        var menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        var root = menu.addItem(currentUser.get().map(u -> u.displayName()).orElse(""));
        root.setId("user-menu-root");
        var languages = root.getSubMenu().addItem(getTranslation("shell.language"));
        languages.setId("user-menu-language");
        for (Locale locale : TranslationProvider.LOCALES) {
            languages.getSubMenu().addItem(getTranslation("shell.language." + locale.getLanguage()), click -> {
                accounts.changeLocale(locale);
                VaadinSession.getCurrent().setLocale(locale);
                UI.getCurrent().getPage().reload();
            }).setId("user-menu-language-" + locale.getLanguage());
        }
        root.getSubMenu().addItem(getTranslation("shell.logout"), click -> authentication.logout())
                .setId("user-menu-logout");
        return menu;
    }
}
