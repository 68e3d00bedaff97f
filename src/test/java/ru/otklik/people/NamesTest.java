package ru.otklik.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void aSubstitutesActionIsSignedWithTheAbsentPersonsNameInTheAccusative() {
        assertThat(Names.onBehalfOf("Кузнецов Андрей Павлович")).isEqualTo("за Кузнецова А.П.");
        assertThat(Names.onBehalfOf("Васильева Елена Сергеевна")).isEqualTo("за Васильеву Е.С.");
        assertThat(Names.onBehalfOf("Морозов Сергей Иванович")).isEqualTo("за Морозова С.И.");
        assertThat(Names.onBehalfOf("Вишневский Олег Ильич")).isEqualTo("за Вишневского О.И.");
        assertThat(Names.onBehalfOf("Вишневская Ольга Ильинична")).isEqualTo("за Вишневскую О.И.");
        // a surname that is not declined, and a name without a patronymic, are left as written
        assertThat(Names.onBehalfOf("Черных Анна Петровна")).isEqualTo("за Черных А.П.");
        assertThat(Names.onBehalfOf("Черных Пётр Ильич")).isEqualTo("за Черных П.И.");
        assertThat(Names.onBehalfOf("Администратор системы")).isEqualTo("за Администратор С.");
    }
}
