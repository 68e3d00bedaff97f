package ru.otklik.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.people.internal.Absence;
import ru.otklik.people.internal.Absences;

/**
 * Who acts for whom (п.3, Приказ п.5): while a person is absent, their work goes to the substitute named for that
 * absence; if the substitute is absent too, to theirs, and so on.
 */
@Service
public class Substitutes {

    /** The Ministry's zone: absences are whole days there. */
    private static final int MAX_CHAIN = 5;

    private final Absences absences;

    Substitutes(Absences absences) {
        this.absences = absences;
    }

    /** The person who acts for {@code userId} at the given instant: themselves unless absent then. */
    @Transactional(readOnly = true)
    public long effective(long userId, Instant at) {
        LocalDate day = MinistryTime.date(at);
        long current = userId;
        Set<Long> seen = new HashSet<>();
        while (seen.add(current) && seen.size() <= MAX_CHAIN) {
            List<Absence> covering = absences.coveringDay(current, day);
            if (covering.isEmpty()) {
                return current;
            }
            current = covering.get(0).getSubstituteId();
        }
        // a circle of substitutes: the last one reached keeps the work rather than nobody
        return current;
    }

    /** The people whose work goes to this person at the given instant because they are absent. */
    @Transactional(readOnly = true)
    public Set<Long> standingInFor(long userId, Instant at) {
        LocalDate day = MinistryTime.date(at);
        Set<Long> absent = new HashSet<>();
        for (Absence absence : absences.endingOnOrAfter(day)) {
            if (absence.covers(day) && absence.getUserId() != userId && effective(absence.getUserId(), at) == userId) {
                absent.add(absence.getUserId());
            }
        }
        return absent;
    }
}
