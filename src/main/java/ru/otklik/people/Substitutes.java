package ru.otklik.people;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.people.internal.Absence;
import ru.otklik.people.internal.Absences;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;

/**
 * Who acts for whom (п.3, Приказ п.5): while a person is absent, their work goes to the substitute named for that
 * absence; if the substitute is absent too, to theirs, and so on. The chain is resolved by one database function,
 * {@code acting_person(person, day)}, which the pages (here) and the deadline sweep both use; a circle stops at the
 * last person before it closes, and the absence form refuses to record one ({@link #refusal}).
 */
@Service
public class Substitutes {

    /** The longest period checked day by day for a circle of substitutes; longer absences are checked on a year. */
    private static final int MAX_CHECKED_DAYS = 366;

    private final JdbcClient jdbc;
    private final Absences absences;
    private final Users users;
    private final Departments departments;
    private final PeopleCache cache;

    /** What is kept in {@link PeopleCache}: who stands in for whom depends on the day besides the tables. */
    private record KeptFor(String what, long userId, LocalDate day) {}

    Substitutes(JdbcClient jdbc, Absences absences, Users users, Departments departments, PeopleCache cache) {
        this.jdbc = jdbc;
        this.absences = absences;
        this.users = users;
        this.departments = departments;
        this.cache = cache;
    }

    /** The person who acts for {@code userId} at the given instant: themselves unless absent then. */
    @Transactional(readOnly = true)
    public long effective(long userId, Instant at) {
        LocalDate day = MinistryTime.date(at);
        return cache.get(
                new KeptFor("effective", userId, day),
                () -> jdbc.sql("select acting_person(?, ?)")
                        .params(userId, Date.valueOf(day))
                        .query(Long.class)
                        .single());
    }

    /**
     * Which of these people are absent on the day of the given instant, each with the last day of the absence (absences
     * that follow one another without a gap count as one) and who acts for them now.
     */
    @Transactional(readOnly = true)
    public Map<Long, Away> away(Set<Long> userIds, Instant at) {
        Map<Long, Away> result = new HashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        LocalDate day = MinistryTime.date(at);
        record Period(long userId, LocalDate from, LocalDate to) {}
        List<Period> periods = jdbc.sql("""
                        select ab.user_id, ab.starts_on, ab.ends_on from absence ab
                        where ab.user_id in (:ids) and ab.ends_on >= :day order by ab.user_id, ab.starts_on, ab.id""")
                .param("ids", userIds)
                .param("day", Date.valueOf(day))
                .query((rs, n) -> new Period(
                        rs.getLong("user_id"),
                        rs.getDate("starts_on").toLocalDate(),
                        rs.getDate("ends_on").toLocalDate()))
                .list();
        Map<Long, LocalDate> until = new HashMap<>();
        for (Period p : periods) {
            LocalDate reached = until.getOrDefault(p.userId(), day.minusDays(1));
            if (!p.from().isAfter(reached.plusDays(1)) && p.to().isAfter(reached)) {
                until.put(p.userId(), p.to());
            }
        }
        until.forEach((id, last) -> {
            if (!last.isBefore(day)) {
                result.put(id, new Away(id, last, effective(id, at)));
            }
        });
        return result;
    }

    /**
     * An absent person.
     *
     * @param until the last day of the absence
     * @param actingId who acts for them now (the end of the chain of substitutes)
     */
    public record Away(long userId, LocalDate until, long actingId) {}

    /** The people whose work goes to this person at the given instant because they are absent (along a chain too). */
    @Transactional(readOnly = true)
    public Set<Long> standingInFor(long userId, Instant at) {
        LocalDate date = MinistryTime.date(at);
        return new HashSet<>(
                cache.get(new KeptFor("standingInFor", userId, date), () -> readStandingInFor(userId, date)));
    }

    private Set<Long> readStandingInFor(long userId, LocalDate date) {
        Date day = Date.valueOf(date);
        return Set.copyOf(jdbc.sql("""
                        select distinct ab.user_id from absence ab
                        where :day between ab.starts_on and ab.ends_on and ab.user_id <> :me
                          and acting_person(ab.user_id, :day) = :me""")
                .param("day", day)
                .param("me", userId)
                .query(Long.class)
                .list());
    }

    /**
     * Why this person may not be named the substitute of the absent one for the period, as a message key of the
     * absence form, or empty when they may (SPEC §1): the substitute must be able to do the absent person's job — an
     * executor of the same department for an executor, another department head for a head, another deputy minister
     * for the coordinator and a deputy minister or higher for a deputy, org staff for org staff — and the
     * substitution must not close a circle (A for B while B is away with A as substitute).
     */
    @Transactional(readOnly = true)
    public Optional<String> refusal(long absentId, long substituteId, LocalDate from, LocalDate to) {
        User absent = users.findById(absentId).orElseThrow(NotFoundException::new);
        Optional<User> found = users.findById(substituteId).filter(User::isEnabled);
        if (found.isEmpty()) {
            return Optional.of("absences.error.substitute");
        }
        if (absentId == substituteId) {
            return Optional.of("absences.error.self");
        }
        User substitute = found.get();
        Set<Role> theirs = absent.getRoles();
        if (absent.isCoordinator() && !substitute.hasRole(Role.DEPUTY_MINISTER)) {
            return Optional.of("absences.error.fit.coordinator");
        }
        if (theirs.contains(Role.DEPUTY_MINISTER)
                || theirs.contains(Role.FIRST_DEPUTY_MINISTER)
                || theirs.contains(Role.MINISTER)) {
            if (Role.LEADERS.stream().noneMatch(substitute::hasRole)) {
                return Optional.of("absences.error.fit.leader");
            }
        }
        if (theirs.contains(Role.DEPT_HEAD) && !substitute.hasRole(Role.DEPT_HEAD)) {
            return Optional.of("absences.error.fit.head");
        }
        if (theirs.contains(Role.EXECUTOR)) {
            List<Department> own = departments.findAll().stream()
                    .filter(d -> d.hasExecutor(absentId))
                    .toList();
            boolean fits = substitute.hasRole(Role.EXECUTOR)
                    && (own.isEmpty() || own.stream().anyMatch(d -> d.hasExecutor(substituteId)));
            if (!fits) {
                return Optional.of("absences.error.fit.executor");
            }
        }
        if (Role.ORG_STAFF.stream().anyMatch(theirs::contains)
                && Role.ORG_STAFF.stream().noneMatch(substitute::hasRole)) {
            return Optional.of("absences.error.fit.org");
        }
        Set<Role> work = EnumSet.copyOf(theirs);
        work.remove(Role.ADMIN);
        if (work.isEmpty() && !theirs.isEmpty() && theirs.stream().noneMatch(substitute::hasRole)) {
            return Optional.of("absences.error.fit.admin");
        }
        if (closesCircle(absentId, substituteId, from, to)) {
            return Optional.of("absences.error.circle");
        }
        return Optional.empty();
    }

    /** Whether, on some day of the period, the chain from the substitute leads back to the absent person. */
    private boolean closesCircle(long absentId, long substituteId, LocalDate from, LocalDate to) {
        List<Absence> overlapping = absences.endingOnOrAfter(from).stream()
                .filter(a -> !a.getStartsOn().isAfter(to))
                .toList();
        LocalDate last = to.isAfter(from.plusDays(MAX_CHECKED_DAYS)) ? from.plusDays(MAX_CHECKED_DAYS) : to;
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            Map<Long, Absence> covering = new HashMap<>();
            for (Absence a : overlapping) {
                if (a.covers(day)) {
                    // the latest-starting absence of a person wins, as in acting_person
                    covering.merge(
                            a.getUserId(),
                            a,
                            (x, y) -> y.getStartsOn().isAfter(x.getStartsOn())
                                            || y.getStartsOn().equals(x.getStartsOn()) && y.getId() > x.getId()
                                    ? y
                                    : x);
                }
            }
            long current = substituteId;
            Set<Long> seen = new HashSet<>();
            while (seen.add(current) && covering.containsKey(current)) {
                current = covering.get(current).getSubstituteId();
                if (current == absentId) {
                    return true;
                }
            }
        }
        return false;
    }
}
