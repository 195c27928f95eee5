package io.passerelle;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.security.UserAccount;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Base of every UI test: the real Spring context, routes discovered once, login as a real account. */
@PasserelleTest
@Import(TestFixtures.class)
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected TestFixtures fixtures;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("io.passerelle");
            // Karibu's scan sees public classes only; views and layouts here are package-private.
            var scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
            scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
            for (var candidate : scanner.findCandidateComponents("io.passerelle")) {
                routes.getRoutes().add(loadComponentClass(candidate.getBeanClassName()));
            }
        }
    }

    /** A fresh mock browser session with its UI; also for tests that hold several sessions at once. */
    @BeforeEach
    protected void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Component> loadComponentClass(String name) {
        try {
            return (Class<? extends Component>) Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Logs in through the real authentication manager, as the login form would. */
    protected void login(UserAccount account) {
        Authentication authentication = fixtures.authenticate(account);
        fixtures.useAuthentication(authentication);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    protected void navigate(String route) {
        UI.getCurrent().navigate(route);
    }

    /** Logs in, picks the restaurant in the switcher, and opens the route: how most screens are reached. */
    protected void open(UserAccount person, long restaurantId, String route) {
        login(person);
        context.getBean(CurrentRestaurant.class).select(restaurantId);
        navigate(route);
    }

    /**
     * The one component of this type with this id in the current UI. A generic component comes typed as the caller
     * declares it ({@code Grid<Guest> grid = byId(Grid.class, "guests-grid")}): the id names one component.
     */
    @SuppressWarnings("unchecked")
    protected static <T extends Component> T byId(Class<? super T> type, String id) {
        return LocatorJ._get((Class<T>) type, spec -> spec.withId(id));
    }

    /** A grid column's cells as the person reads them, top to bottom. */
    protected static List<String> formattedColumn(Grid<?> grid, String key) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._getFormatted(grid, row, key)).toList();
    }

    /** The index of the first row whose item matches. */
    protected static <T> int rowWhere(Grid<T> grid, Predicate<T> item) {
        return IntStream.range(0, GridKt._size(grid))
                .filter(row -> item.test(GridKt._get(grid, row)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No such row in the grid"));
    }

    /**
     * Sets a field's value as the person would: only if they could edit it, and as a change coming
     * from the browser. Stands in for Karibu's {@code _setValue}, which in 2.6.2 looks for a Flow
     * internal that Vaadin 25.2 no longer has (NoSuchMethodException on AbstractFieldSupport.setValue).
     */
    protected static <V> void setAsUser(HasValue<?, V> field, V value) {
        LocatorJ.assertEditableByUser((Component) field);
        if (!(field instanceof AbstractField<?, ?>)) {
            field.setValue(value);
            return;
        }
        try {
            Method setModelValue = AbstractField.class.getDeclaredMethod("setModelValue", Object.class, boolean.class);
            setModelValue.setAccessible(true);
            setModelValue.invoke(field, value, true);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
