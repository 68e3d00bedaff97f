package ru.otklik.people.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * All recorded absences.
 */
public interface Absences extends JpaRepository<Absence, Long> {

    @Query("select a from Absence a where a.userId = ?1 and a.startsOn <= ?2 and a.endsOn >= ?2"
            + " order by a.startsOn desc, a.id desc")
    List<Absence> coveringDay(long userId, LocalDate day);

    @Query("select a from Absence a where a.endsOn >= ?1 order by a.startsOn, a.id")
    List<Absence> endingOnOrAfter(LocalDate day);
}
