package ru.otklik.deadlines;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the law last changed for each department (п.20): the date of the latest amending act among the registered
 * changes that concern it. An answer posted before that day may no longer be current (п.17), so the answer library
 * marks it «проверьте актуальность».
 */
@Service
@Transactional(readOnly = true)
public class LegislationDates {

    private final JdbcClient jdbc;

    LegislationDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The date of the latest amending act concerning each of the departments; a department with none is absent. */
    public Map<Long, LocalDate> latestChange(Collection<Long> departmentIds) {
        Map<Long, LocalDate> result = new HashMap<>();
        if (departmentIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select nd.department_id, max(n.act_date) as act_date
                        from legislation_notice_department nd join legislation_notice n on n.id = nd.notice_id
                        where nd.department_id in (:departments)
                        group by nd.department_id""")
                .param("departments", departmentIds)
                .query((rs, n) -> result.put(rs.getLong("department_id"), rs.getObject("act_date", LocalDate.class)))
                .list();
        return result;
    }
}
