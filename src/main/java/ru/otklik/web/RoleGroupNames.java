package ru.otklik.web;

import org.springframework.stereotype.Component;
import ru.otklik.people.Role;

/**
 * The role groups of {@link Role} for the pages' {@code sec:authorize}: {@code hasAnyRole(@roles.orgStaff)} shows
 * a link to the same people the security configuration lets through.
 */
@Component("roles")
public class RoleGroupNames {

    public String[] getOrgStaff() {
        return Role.names(Role.ORG_STAFF);
    }

    public String[] getLeaders() {
        return Role.names(Role.LEADERS);
    }

    public String[] getApprovers() {
        return Role.names(Role.APPROVERS);
    }

    public String[] getDepartmentLeads() {
        return Role.names(Role.DEPARTMENT_LEADS);
    }

    public String[] getReportReaders() {
        return Role.names(Role.REPORT_READERS);
    }

    public String[] getLegislationReaders() {
        return Role.names(Role.LEGISLATION_READERS);
    }

    public String[] getAnswerReaders() {
        return Role.names(Role.ANSWER_READERS);
    }

    public String[] getAbsenceKeepers() {
        return Role.names(Role.ABSENCE_KEEPERS);
    }
}
