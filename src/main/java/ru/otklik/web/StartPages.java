package ru.otklik.web;

import ru.otklik.people.Role;

/**
 * The start page of each main role.
 */
final class StartPages {

    private StartPages() {}

    static String of(Role role) {
        return switch (role) {
            case ORG_SPECIALIST, ORG_HEAD -> "/inbox";
            case EXECUTOR -> "/assignments";
            case DEPUTY_MINISTER, FIRST_DEPUTY_MINISTER, MINISTER -> "/today";
            case DEPT_HEAD -> "/approvals";
            case ADMIN -> "/admin/users";
        };
    }
}
