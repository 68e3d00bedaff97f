package ru.otklik.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.otklik.support.IntegrationTest;

/**
 * The start-up log's last line: the address and, in demo mode, the demo logins.
 */
@IntegrationTest
class ReadyLineIT {

    @Autowired
    ReadyLine ready;

    @Test
    void inDemoModeTheLastLineGivesTheAddressAndTheDemoLogins() {
        assertThat(ready.text("8080", ""))
                .isEqualTo("Отклик готов: http://localhost:8080, демо-входы: admin, specialist, "
                        + "orghead, executor, executor2, head, head2, deputy, deputy2, minister (пароль «demo»)");
    }
}
