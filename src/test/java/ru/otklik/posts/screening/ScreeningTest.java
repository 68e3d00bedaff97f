package ru.otklik.posts.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScreeningTest {

    static final Screening SCREENING = new Screening(Lexicon.russian());

    @Test
    void flagsAnObscenityDisguisedWithLatinLettersAndDigits() {
        ScreeningResult result = SCREENING.check("Вы там все муд@ки, п1зд... нет, пu3дец какой-то, сyкa");
        assertThat(result.flagged()).isTrue();
        assertThat(result.categories()).contains(Category.OBSCENITY);
        assertThat(result.allWords()).contains("муд@ки").contains("сyкa");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "xуй вам, а не ответ",
                "х.у.й вам",
                "х у й вам",
                "ПИ3ДЕЦ",
                "сууукааа",
                "бл*ть опять",
                "ёб@ный стыд"
            })
    void seesThroughCommonDisguises(String text) {
        assertThat(SCREENING.check(text).flagged()).as(text).isTrue();
    }

    @Test
    void flagsAThreat() {
        ScreeningResult result = SCREENING.check("Если не выплатите, я приду и убью начальника. Вам конец!");
        assertThat(result.categories()).contains(Category.THREAT);
        assertThat(result.wordsOf(Category.THREAT)).contains("убью").contains("Вам конец");
    }

    @Test
    void flagsAnIntentionToHarmAnotherPerson() {
        ScreeningResult result = SCREENING.check("Сосед опять шумит ночью. Изобью его и отомщу, раз вы не помогаете");
        assertThat(result.categories()).containsExactly(Category.HARM);
        assertThat(result.wordsOf(Category.HARM)).contains("Изобью").contains("отомщу");
        assertThat(SCREENING.check("Хочу убить соседа").categories()).contains(Category.HARM);
    }

    @Test
    void flagsAnInsult() {
        assertThat(SCREENING.check("Чиновники — идиоты и казнокрады!").categories())
                .containsExactly(Category.INSULT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Безобразие! Третий месяц не могу получить пособие, никто не отвечает",
                "Колебание цен на продукты, а выплаты в рублях не растут. Хлебали мы эти обещания 2026 года.",
                "Сколько можно ждать? Подскажите, куда обращаться, телефон 8-800-100-00-00 не отвечает",
                "Потребуется ли справка о составе семьи? Оформляла в МФЦ, ссылка https://vk.com/wall-1_2",
                "Отхлебывать чай и ничего не делать — так работают ваши отделы, стыдно!"
            })
    void leavesAnOrdinaryAngryComplaintAlone(String text) {
        assertThat(SCREENING.check(text).matches()).as(text).isEmpty();
    }

    @Test
    void theStoredFormReadsBackTheSameMatches() {
        ScreeningResult result = SCREENING.check("идиоты, убью");
        assertThat(ScreeningResult.decode(result.encoded()).matches()).isEqualTo(result.matches());
        assertThat(ScreeningResult.decode(null).flagged()).isFalse();
    }
}
