package ru.otklik.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ActiveProfiles;
import ru.otklik.support.IntegrationTest;

/**
 * The {@code prod} profile behind a TLS-terminating reverse proxy, through the real Tomcat: the proxy's
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} are honoured (absolute redirects name the public https
 * address, HSTS is sent), and the session cookie is {@code Secure}.
 */
@IntegrationTest
@ActiveProfiles("prod")
class ProductionProfileIT {

    private static final String PUBLIC_HOST = "otklik.example.ru";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void behindAnHttpsProxyRedirectsNameThePublicHttpsAddressAndHstsIsSent() throws Exception {
        HttpResponse<String> response =
                client.send(proxied("/inbox").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://" + PUBLIC_HOST + "/login");
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
    }

    @Test
    void theSessionCookieOfALoginIsSecure() throws Exception {
        HttpResponse<String> page = client.send(proxied("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        String cookies = page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        HttpRequest.Builder login = proxied("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=specialist&password=demo&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)));
        if (!cookies.isEmpty()) {
            login.header("Cookie", cookies);
        }

        HttpResponse<String> response = client.send(login.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        List<String> session = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .toList();
        assertThat(session)
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("; Secure").contains("; HttpOnly"));
    }

    @Test
    void withoutTheProxyNoHstsIsSentOverPlainHttp() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inbox"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/login");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private HttpRequest.Builder proxied(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", PUBLIC_HOST)
                .header("X-Forwarded-For", "203.0.113.7");
    }
}
