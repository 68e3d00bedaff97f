package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one link rule every part of Otklik applies (ЦУР's API, the import, the registration form, the posted answer,
 * legislation notices).
 */
class PostFieldsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://vk.com/wall-1_2",
                "http://example.ru",
                "HTTPS://VK.COM/id1",
                "https://user@host.ru:8443/a?b=c#d",
                "http://xn--d1acufc.xn--p1ai/"
            })
    void aLinkIsAnHttpAddressWithAHost(String value) {
        assertThat(PostFields.isLink(value)).isTrue();
        assertThat(PostFields.linkProblem(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "vk.com/wall-1_2",
                "ftp://example.ru/1",
                "javascript:alert(1)",
                "http://",
                "http:///path",
                " https://vk.com",
                "https://vk.com/a b",
                "https://vk.com ",
                "mailto:a@b.ru",
                "http://host_name.ru/",
                "https://[bad/"
            })
    void anythingElseIsRefused(String value) {
        assertThat(PostFields.isLink(value)).isFalse();
        assertThat(PostFields.linkProblem(value)).isNotNull();
    }

    @Test
    void noValueIsNoLink() {
        assertThat(PostFields.isLink(null)).isFalse();
    }
}
