package ru.otklik.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import ru.otklik.api.ApiProblemWriter;
import ru.otklik.api.ApiProblems;
import ru.otklik.posts.Attachments;

/**
 * A file over the servlet's multipart limit ({@code spring.servlet.multipart.*}, 20 MB): Tomcat stops reading the
 * body and fails the first call that reads a parameter with 413 — in the security filters, before any page or advice
 * could say why. So an upload of an attachment is read here first, before security: when it is over the limit, a
 * person's upload goes back to the post's page with the reason next to the form it came from (the form names its
 * draft in the address, which is still read), and ЦУР's API gets 413 problem+json, both in Russian. Nothing is
 * changed by such a request, so it needs no CSRF token. Other uploads (the import) keep the servlet's 413.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    private static final Pattern PAGE = Pattern.compile("/posts/(\\d{1,18})/attachments");
    private static final Pattern API = Pattern.compile("/api/v1/messages/\\d{1,18}/attachments");
    private static final Locale RU = Locale.forLanguageTag("ru");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimitFilter(
            Attachments attachments, MessageSource messages, ApiProblemWriter problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Filter(attachments, messages, problems));
        // after the session store (Spring Session's filter), before Spring Security's chain
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final Attachments attachments;
        private final MessageSource messages;
        private final ApiProblemWriter problems;

        Filter(Attachments attachments, MessageSource messages, ApiProblemWriter problems) {
            this.attachments = attachments;
            this.messages = messages;
            this.problems = problems;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return !"POST".equals(request.getMethod())
                    || type == null
                    || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            Matcher page = PAGE.matcher(path);
            boolean api = API.matcher(path).matches();
            if ((page.matches() || api) && overLimit(request)) {
                String limit = attachments.megabytesOf(
                        attachments.settings().maxFileSize().toBytes());
                if (api) {
                    problems.write(
                            response,
                            ApiProblems.problem(
                                    HttpStatus.CONTENT_TOO_LARGE,
                                    "Слишком большой файл",
                                    messages.getMessage("attachments.refused.TOO_LARGE", new Object[] {limit}, RU)));
                } else {
                    refusePage(request, response, page.group(1), limit);
                }
                return;
            }
            chain.doFilter(request, response);
        }

        /**
         * Reads the parts now (the servlet keeps them for later); false when they are within the limit. A body broken
         * in another way is left to the servlet's own answer.
         */
        private static boolean overLimit(HttpServletRequest request) throws IOException, ServletException {
            try {
                request.getParts();
                return false;
            } catch (IllegalStateException ex) {
                for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                    String name = cause.getClass().getSimpleName();
                    if (name.contains("SizeException") || name.contains("SizeLimitExceeded")) {
                        return true; // commons-fileupload's size limits, inside Tomcat
                    }
                }
                throw ex;
            }
        }

        private void refusePage(HttpServletRequest request, HttpServletResponse response, String postId, String limit)
                throws IOException {
            HttpSession session = request.getSession(false);
            if (session != null) { // a person's session: the message waits for the page; nobody else gets one
                String draftId = request.getQueryString() == null ? null : draftOf(request.getQueryString());
                FlashMap flash = new FlashMap();
                flash.put(
                        "attachmentError", messages.getMessage("attachments.refused.upload", new Object[] {limit}, RU));
                flash.put("attachmentErrorTarget", draftId == null ? "post" : "draft-" + draftId);
                flash.setTargetRequestPath(request.getContextPath() + "/posts/" + postId);
                new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
            }
            response.sendRedirect(request.getContextPath() + "/posts/" + postId);
        }

        private static String draftOf(String query) {
            Matcher draft = Pattern.compile("(?:^|&)draftId=(\\d{1,18})(?:&|$)").matcher(query);
            return draft.find() ? draft.group(1) : null;
        }
    }
}
