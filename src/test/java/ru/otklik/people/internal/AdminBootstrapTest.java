package ru.otklik.people.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import ru.otklik.people.AdminSettings;
import ru.otklik.people.PasswordPolicy;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;

/**
 * With an external database and nobody to administer it, Otklik creates the first admin from OTKLIK_ADMIN_PASSWORD or
 * refuses to start with a message that says what to do.
 */
class AdminBootstrapTest {

    private final Users users = mock(Users.class);
    private final PeopleManagement people = mock(PeopleManagement.class);

    @Test
    void withoutAnAdminOrAPasswordOtklikRefusesToStartAndSaysWhatToSet() {
        when(users.anyEnabledAdmin()).thenReturn(false);
        AdminBootstrap bootstrap = new AdminBootstrap(users, people, new AdminSettings(""), null, new PasswordPolicy());

        assertThatThrownBy(() -> bootstrap.createFirstAdminIfNone())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OTKLIK_ADMIN_PASSWORD");
        verify(people, never()).createAccount(any(), any(), any(), any(), any());
    }

    @Test
    void theFirstAdminIsCreatedFromThePassword() {
        when(users.anyEnabledAdmin()).thenReturn(false);
        when(users.findByLogin("admin")).thenReturn(java.util.Optional.empty());
        AdminSettings settings = new AdminSettings("Strong-Secret-1");

        new AdminBootstrap(users, people, settings, null, new PasswordPolicy()).createFirstAdminIfNone();

        verify(people).createAccount(eq("admin"), any(), any(), eq("Strong-Secret-1"), eq(EnumSet.of(Role.ADMIN)));
    }

    @Test
    void aTooShortPasswordIsRefusedWithAReason() {
        when(users.anyEnabledAdmin()).thenReturn(false);
        AdminSettings settings = new AdminSettings("short");

        assertThatThrownBy(() -> new AdminBootstrap(users, people, settings, null, new PasswordPolicy())
                        .createFirstAdminIfNone())
                .hasMessageContaining("не меньше 12");
    }

    @Test
    void anExistingAdminIsLeftAlone() {
        when(users.anyEnabledAdmin()).thenReturn(true);

        new AdminBootstrap(users, people, new AdminSettings(""), null, new PasswordPolicy()).createFirstAdminIfNone();

        verify(people, never()).createAccount(any(), any(), any(), any(), any());
    }
}
