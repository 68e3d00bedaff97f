package ru.otklik.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.otklik.calendar.store.CalendarSettings;
import ru.otklik.calendar.store.CalendarStore;

/**
 * The Ministry's working time as configured now: every deadline in Otklik is computed with {@link #current()}.
 * Changes are saved, the calendar is rebuilt at once, and {@link CalendarChanged} is published; other instances
 * notice the new revision within 30 seconds.
 */
@Service
public class WorkingTime {

    private static final Logger log = LoggerFactory.getLogger(WorkingTime.class);

    private record Loaded(long revision, WorkingCalendar calendar) {}

    private final CalendarStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();

    WorkingTime(CalendarStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** The calendar in force. */
    public WorkingCalendar current() {
        Loaded now = loaded.get();
        if (now == null) {
            now = reload();
        }
        return now.calendar();
    }

    /** Sets one date's kind (or its custom hours). */
    @Transactional
    public void changeDay(DayOverride day, String by) {
        store.saveOverride(day);
        changed(by);
    }

    /** Returns a date to the weekly hours. */
    @Transactional
    public void resetDay(LocalDate day, String by) {
        store.removeOverride(day);
        changed(by);
    }

    /** Sets the office hours of a weekday ({@code null}: a day off). */
    @Transactional
    public void changeWeeklyHours(DayOfWeek day, WorkingHours hours, String by) {
        store.saveWeeklyHours(day, hours);
        changed(by);
    }

    /** Marks a year's production calendar as loaded in full, following the given decree. */
    @Transactional
    public void markYearLoaded(int year, String decree, String by) {
        store.markYearLoaded(year, decree);
        changed(by);
    }

    /**
     * Picks up changes committed on other instances. Only a newer revision is loaded: while a change on this
     * instance is not yet committed, this instance already runs on it (its revision is ahead of the committed one),
     * and reloading then put the old calendar back in force until the next change.
     */
    @Scheduled(
            fixedDelayString = "#{" + CalendarSettings.BEAN + ".refreshMs()}",
            initialDelayString = "#{" + CalendarSettings.BEAN + ".refreshMs()}")
    void refreshIfChanged() {
        try {
            Loaded now = loaded.get();
            if (now == null || store.revision() > now.revision()) {
                reload();
            }
        } catch (DataAccessException | TransactionException ex) {
            // the database is down: the loaded calendar stays in use, and the next run tries again
            log.warn(
                    "Календарь не обновлён, следующая попытка через 30 с: {}",
                    NestedExceptionUtils.getMostSpecificCause(ex).toString());
        }
    }

    /**
     * Rebuilds the calendar inside the change's transaction, so that what runs in it (the deadline clocks) sees the
     * change; if the transaction is rolled back, {@link #changeRolledBack} loads the committed calendar again.
     */
    private void changed(String by) {
        reload();
        events.publishEvent(new CalendarChanged(clock.instant(), by));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
    void changeRolledBack(CalendarChanged change) {
        reload();
    }

    private synchronized Loaded reload() {
        long revision = store.revision();
        Loaded fresh = new Loaded(revision, store.load());
        loaded.set(fresh);
        return fresh;
    }
}
