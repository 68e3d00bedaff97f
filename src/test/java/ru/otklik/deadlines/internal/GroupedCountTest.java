package ru.otklik.deadlines.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A grouped line counts its posts in correct Russian: «21 сообщение», «3 сообщения», «12 сообщений». */
class GroupedCountTest {

    @Test
    void theNounAgreesWithTheCount() {
        assertThat(Notifications.posts(2)).isEqualTo("сообщения");
        assertThat(Notifications.posts(5)).isEqualTo("сообщений");
        assertThat(Notifications.posts(11)).isEqualTo("сообщений");
        assertThat(Notifications.posts(12)).isEqualTo("сообщений");
        assertThat(Notifications.posts(21)).isEqualTo("сообщение");
        assertThat(Notifications.posts(33)).isEqualTo("сообщения");
        assertThat(Notifications.posts(30)).isEqualTo("сообщений");
        assertThat(Notifications.posts(111)).isEqualTo("сообщений");
    }
}
