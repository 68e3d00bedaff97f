package ru.otklik.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The password rule (ASVS 5.0 V6.2), without Spring: length in characters, BCrypt's 72-byte limit counted in UTF-8
 * bytes, the shipped list of common passwords, no composition rules.
 */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "12345678", "Secret-2026", "пароль-2026"})
    void fewerThanTwelveCharactersAreTooShort(String password) {
        assertThat(policy.problem(password, "ivanova")).isEqualTo("people.password.short");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "123456789012",
                "qwerty123456",
                "password1234",
                "1q2w3e4r5t6y",
                "QWERTYUIOP123",
                "йцукенгшщзхъ",
                "aaaaaaaaaaaa",
                "Password2026",
                "iloveyou1234"
            })
    void commonPasswordsAreRefusedWhateverTheCase(String password) {
        assertThat(policy.problem(password, "ivanova")).isEqualTo("people.password.common");
    }

    @Test
    void aPasswordContainingTheLoginIsRefused() {
        assertThat(policy.problem("ivanova-the-best", "ivanova")).isEqualTo("people.password.common");
    }

    @Test
    void theShippedListHoldsThousandsOfCommonPasswords() {
        assertThat(policy.commonCount()).isGreaterThan(10_000);
    }

    @Test
    void theLimitIsSeventyTwoBytesNotCharacters() {
        assertThat(policy.problem("я".repeat(36), "ivanova")).isNull();
        assertThat(policy.problem("я".repeat(37), "ivanova")).isEqualTo("people.password.long");
        assertThat(policy.problem("xy".repeat(36), "ivanova")).isNull();
        assertThat(policy.problem("xy".repeat(36) + "z", "ivanova")).isEqualTo("people.password.long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "всё идёт по плану", "onlylowercaseletters", "Зима близко 2026"})
    void anyLongEnoughUncommonPasswordIsAcceptedWithoutCompositionRules(String password) {
        assertThat(policy.problem(password, "ivanova")).isNull();
    }
}
