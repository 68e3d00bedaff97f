package ru.otklik.calendar.store;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.otklik.calendar.DayKind;
import ru.otklik.calendar.DayOverride;
import ru.otklik.calendar.WeeklySchedule;
import ru.otklik.calendar.WorkingCalendar;
import ru.otklik.calendar.WorkingHours;

/**
 * The calendar as stored in PostgreSQL: weekly office hours, per-date overrides, loaded years and a revision
 * number that every change bumps.
 */
@Repository
public class CalendarStore {

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Builds the calendar from what is stored now. */
    public WorkingCalendar load() {
        return WorkingCalendar.builder()
                .weeklySchedule(weeklySchedule())
                .overrides(overrides())
                .loadedYears(loadedYears().keySet())
                .build();
    }

    public long revision() {
        return jdbc.sql("select revision from calendar_revision where id = 1")
                .query(Long.class)
                .single();
    }

    public WeeklySchedule weeklySchedule() {
        Map<DayOfWeek, WorkingHours> hours = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select day_of_week, start_time, end_time, lunch_start, lunch_end from office_hours")
                .query((rs, n) -> {
                    LocalTime start = time(rs.getTime("start_time"));
                    if (start != null) {
                        hours.put(
                                DayOfWeek.of(rs.getInt("day_of_week")),
                                new WorkingHours(
                                        start,
                                        time(rs.getTime("end_time")),
                                        time(rs.getTime("lunch_start")),
                                        time(rs.getTime("lunch_end"))));
                    }
                    return null;
                })
                .list();
        return WeeklySchedule.of(hours);
    }

    public List<DayOverride> overrides() {
        return jdbc.sql("select day, kind, start_time, end_time, lunch_start, lunch_end from calendar_day order by day")
                .query((rs, n) -> new DayOverride(
                        rs.getObject("day", LocalDate.class),
                        DayKind.valueOf(rs.getString("kind")),
                        time(rs.getTime("start_time")),
                        time(rs.getTime("end_time")),
                        time(rs.getTime("lunch_start")),
                        time(rs.getTime("lunch_end"))))
                .list();
    }

    public Optional<DayOverride> override(LocalDate day) {
        return overrides().stream().filter(o -> o.date().equals(day)).findFirst();
    }

    /** Loaded years with the decree each follows. */
    public Map<Integer, String> loadedYears() {
        Map<Integer, String> years = new java.util.TreeMap<>();
        jdbc.sql("select year, decree from calendar_year")
                .query((rs, n) -> years.put(rs.getInt(1), rs.getString(2)))
                .list();
        return years;
    }

    public void saveOverride(DayOverride day) {
        jdbc.sql("""
                insert into calendar_day (day, kind, start_time, end_time, lunch_start, lunch_end)
                values (:day, :kind, :start, :end, :lunchStart, :lunchEnd)
                on conflict (day) do update set kind = excluded.kind, start_time = excluded.start_time,
                  end_time = excluded.end_time, lunch_start = excluded.lunch_start, lunch_end = excluded.lunch_end
                """)
                .param("day", day.date())
                .param("kind", day.kind().name())
                .param("start", sql(day.start()))
                .param("end", sql(day.end()))
                .param("lunchStart", sql(day.lunchStart()))
                .param("lunchEnd", sql(day.lunchEnd()))
                .update();
        bump();
    }

    public void removeOverride(LocalDate day) {
        jdbc.sql("delete from calendar_day where day = ?").param(day).update();
        bump();
    }

    public void saveWeeklyHours(DayOfWeek day, WorkingHours hours) {
        jdbc.sql("""
                update office_hours set start_time = :start, end_time = :end, lunch_start = :lunchStart,
                  lunch_end = :lunchEnd where day_of_week = :day
                """)
                .param("day", day.getValue())
                .param("start", hours == null ? null : sql(hours.start()))
                .param("end", hours == null ? null : sql(hours.end()))
                .param("lunchStart", hours == null ? null : sql(hours.lunchStart()))
                .param("lunchEnd", hours == null ? null : sql(hours.lunchEnd()))
                .update();
        bump();
    }

    public void markYearLoaded(int year, String decree) {
        jdbc.sql(
                        "insert into calendar_year (year, decree) values (?, ?) on conflict (year) do update set decree = excluded.decree")
                .params(year, decree)
                .update();
        bump();
    }

    private void bump() {
        jdbc.sql("update calendar_revision set revision = revision + 1 where id = 1")
                .update();
    }

    private static LocalTime time(Time time) {
        return time == null ? null : time.toLocalTime();
    }

    private static Time sql(LocalTime time) {
        return time == null ? null : Time.valueOf(time);
    }
}
