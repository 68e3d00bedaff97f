package ru.otklik.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat answers some requests itself, before Spring sees them: a path it cannot decode ({@code /posts/%ZZ}, a bare
 * {@code %}, {@code /%2e%2e/}). Its own error page was English, named Tomcat and carried none of the security
 * headers of Otklik's pages. This replaces Tomcat's error report with a short Russian page with the same headers.
 * Every error Spring renders (its {@code /error} pages, problem+json) is written before and left alone.
 */
@Component
class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final MessageSource messages;

    TomcatErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        String badRequest = page(
                messages.getMessage("error.address.title", null, RU),
                messages.getMessage("error.address.text", null, RU));
        String other = page(
                messages.getMessage("error.other.title", null, RU), messages.getMessage("error.other.text", null, RU));
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            // Spring Boot adds a plain ErrorReportValve (no report, no server info): ours takes its place
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(RussianErrorReport.class.getName());
            }
            host.getPipeline().addValve(new RussianErrorReport(badRequest, other));
        });
    }

    /** After Spring Boot's own Tomcat customizer, which installs the valve replaced here. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private String page(String title, String text) {
        return """
                <!DOCTYPE html>
                <html lang="ru"><head><meta charset="utf-8"><title>%1$s</title></head>
                <body><h1>%1$s</h1><p>%2$s</p><p><a href="/">%3$s</a></p></body></html>
                """.formatted(
                        HtmlUtils.htmlEscape(title),
                        HtmlUtils.htmlEscape(text),
                        HtmlUtils.htmlEscape(messages.getMessage("error.home", null, RU)));
    }

    /** Tomcat's error report, in Russian, with the headers Spring Security puts on every page. */
    static final class RussianErrorReport extends ErrorReportValve {

        private final String badRequest;
        private final String other;

        RussianErrorReport(String badRequest, String other) {
            this.badRequest = badRequest;
            this.other = other;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            // as Tomcat's own: only an error (sendError) that nothing has answered yet
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", "same-origin");
                response.setHeader("Cache-Control", "no-store");
                if (request.isSecure()) {
                    response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
                }
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(response.getStatus() == 400 ? badRequest : other);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ex) {
                // the client has gone; nothing more to say
            }
        }
    }
}
