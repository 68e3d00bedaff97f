package ru.otklik.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The role groups the security configuration, the pages, the controllers and the access test all read: their
 * members are pinned here, since every other place now follows them.
 */
class RoleGroupsTest {

    @Test
    void eachGroupHoldsExactlyItsRoles() {
        assertThat(Role.ORG_STAFF).containsExactly(Role.ORG_SPECIALIST, Role.ORG_HEAD);
        assertThat(Role.LEADERS).containsExactly(Role.DEPUTY_MINISTER, Role.FIRST_DEPUTY_MINISTER, Role.MINISTER);
        assertThat(Role.TOP_LEADERS).containsExactly(Role.FIRST_DEPUTY_MINISTER, Role.MINISTER);
        assertThat(Role.APPROVERS)
                .containsExactly(Role.DEPT_HEAD, Role.DEPUTY_MINISTER, Role.FIRST_DEPUTY_MINISTER, Role.MINISTER);
        assertThat(Role.MINISTRY_WIDE)
                .containsExactly(
                        Role.ORG_SPECIALIST,
                        Role.ORG_HEAD,
                        Role.DEPUTY_MINISTER,
                        Role.FIRST_DEPUTY_MINISTER,
                        Role.MINISTER);
        assertThat(Role.REPORT_READERS)
                .containsExactly(
                        Role.ORG_SPECIALIST,
                        Role.ORG_HEAD,
                        Role.DEPT_HEAD,
                        Role.DEPUTY_MINISTER,
                        Role.FIRST_DEPUTY_MINISTER,
                        Role.MINISTER);
        assertThat(Role.ABSENCE_KEEPERS).containsExactly(Role.DEPT_HEAD, Role.ADMIN);
    }

    @Test
    void aGroupGivesSpringSecurityItsNamesAndCannotBeChanged() {
        assertThat(Role.names(Role.ABSENCE_KEEPERS)).containsExactly("DEPT_HEAD", "ADMIN");
        assertThatThrownBy(() -> Role.ORG_STAFF.add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(EnumSet.allOf(Role.class)).containsAll(Role.REPORT_READERS);
    }
}
