package io.passerelle.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Rules every view must follow, checked over the whole code base. */
class ViewConventionsTest {

    /** Literal text handed to something a person reads; translations go through getTranslation(key). */
    private static final Pattern HARD_CODED_TEXT = Pattern.compile(
            "new (Button|Span|H1|H2|H3|H4|Paragraph|NativeLabel|Text|Anchor|Tab|RouterLink|Checkbox|TextField"
                    + "|TextArea|ComboBox|Select|DatePicker|IntegerField|EmailField|PasswordField|Notification"
                    + "|SideNavItem|MenuItem)\\(\"[^\"]*[A-Za-z]"
                    + "|\\.(setText|setLabel|setPlaceholder|setHelperText|setHeaderTitle|setHeader|setErrorMessage"
                    + "|setTitle|setAriaLabel|setConfirmText|setCancelText|setRejectText|addItem|show)\\(\"[^\"]*[A-Za-z]");

    @Test
    void everyRouteAndLayoutDeclaresWhoMayOpenIt() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        List<String> unguarded = new ArrayList<>();
        var candidates = scanner.findCandidateComponents("io.passerelle");
        assertThat(candidates).isNotEmpty();
        for (var candidate : candidates) {
            Class<?> view = load(candidate.getBeanClassName());
            boolean guarded = view.isAnnotationPresent(PermitAll.class) || view.isAnnotationPresent(RolesAllowed.class)
                    || view.isAnnotationPresent(AnonymousAllowed.class) || view.isAnnotationPresent(DenyAll.class);
            if (!guarded) {
                unguarded.add(view.getName());
            }
        }
        assertThat(unguarded).as("views without an access annotation").isEmpty();
    }

    @Test
    void noVisibleTextIsHardCodedInTheUi() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/passerelle"))) {
            for (Path source : sources.filter(ViewConventionsTest::isUiSource).toList()) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    if (HARD_CODED_TEXT.matcher(lines.get(i)).find()) {
                        offenders.add(source + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(offenders).as("hard-coded visible text; use getTranslation(key)").isEmpty();
    }

    @Test
    void theHardCodedTextCheckCatchesLiterals() {
        assertThat(HARD_CODED_TEXT.matcher("var save = new Button(\"Save\");").find()).isTrue();
        assertThat(HARD_CODED_TEXT.matcher("field.setLabel(\"Name\");").find()).isTrue();
        assertThat(HARD_CODED_TEXT.matcher("var save = new Button(getTranslation(\"action.save\"));").find()).isFalse();
    }

    private static boolean isUiSource(Path path) {
        String name = path.toString();
        return name.endsWith(".java") && (name.contains("/ui/") || name.contains("/shell/"));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
