package io.passerelle.partnerapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns Spring MVC's own errors outside any controller (no such path: 404; wrong method: 405) into problems.
 * Spring reports them with sendError, whose error dispatch would reach the UI's security chain and answer a POS
 * with a redirect to the login page; here sendError writes the problem at once instead.
 */
class ProblemOnSendErrorFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                HttpStatus known = HttpStatus.resolve(status);
                String title = known == null ? "Error" : known.getReasonPhrase();
                String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
                String detail = switch (status) {
                    case 404 -> "No such endpoint: see /api/partner/v1/openapi.json";
                    case 405 -> request.getMethod() + " is not allowed here";
                    default -> title;
                };
                resetBuffer();
                ProblemWriter.write((HttpServletResponse) getResponse(), Problem.of(status, slug, title, detail));
            }
        });
    }
}
