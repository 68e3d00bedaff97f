package ru.otklik.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A webhook that could never deliver (no secret, not an http URL) stops the start with the reason. */
class CurWebhookSettingsTest {

    static CurWebhookSettings of(String url, String secret) {
        return new CurWebhookSettings(
                url, secret, 5000, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(1), 10);
    }

    @Test
    void offWithoutAUrl() {
        assertThat(of("", "").enabled()).isFalse();
        assertThat(of("https://cur.example/hook", "s3cret").enabled()).isTrue();
    }

    @Test
    void aUrlNeedsASecretAndHttp() {
        assertThatThrownBy(() -> of("https://cur.example/hook", " ")).hasMessageContaining("secret");
        assertThatThrownBy(() -> of("ftp://cur.example/hook", "s3cret")).hasMessageContaining("http");
        assertThatThrownBy(() -> of("не адрес", "s3cret")).hasMessageContaining("URL");
    }
}
