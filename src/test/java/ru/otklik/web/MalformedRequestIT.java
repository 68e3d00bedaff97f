package ru.otklik.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import ru.otklik.support.IntegrationTest;

/**
 * Paths Tomcat cannot decode never reach Spring: Tomcat answers them itself. Sent over a raw socket (an HTTP
 * client would refuse to send them), each gets a short Russian 400 page with the security headers of every other
 * page, not Tomcat's English one. A control character in a parameter, refused at the edge, gets the application's
 * own Russian 400 page, or problem+json on the API.
 */
@IntegrationTest
class MalformedRequestIT {

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/posts/%ZZ", "/%", "/%2e%2e/", "/posts/%C0%AE%C0%AE/", "/posts/{1}", "/posts/a b"})
    void aMalformedPathGetsARussianPageWithSecurityHeaders(String target) throws Exception {
        String response = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String head =
                response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(head)
                .contains(
                        "content-security-policy: default-src 'self'",
                        "x-content-type-options: nosniff",
                        "x-frame-options: deny",
                        "content-type: text/html");
        assertThat(body)
                .contains("lang=\"ru\"")
                .doesNotContain("Tomcat")
                .doesNotContain("HTTP Status")
                .contains("Неверный адрес");
    }

    @Test
    void aControlCharacterInAParameterGetsTheRussian400PageOrProblemJson() throws Exception {
        String page = send(
                "GET /inbox?q=%D0%B0%00 HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        String api = send("GET /api/v1/calendar/deadline?from=%01&workingMinutes=10 HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: application/json\r\nConnection: close\r\n\r\n");

        assertThat(page)
                .startsWith("HTTP/1.1 400")
                .contains("Неверный запрос")
                .containsIgnoringCase("X-Frame-Options: DENY");
        assertThat(api)
                .startsWith("HTTP/1.1 400")
                .containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"field\":\"from\"")
                .contains("управляющий символ");
    }

    private String send(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
