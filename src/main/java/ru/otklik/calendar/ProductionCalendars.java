package ru.otklik.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Built-in Russian production calendar data (производственный календарь) as {@link DayOverride} lists.
 */
public final class ProductionCalendars {

    /**
     * Fixed non-working holidays of Art. 112 of the Labour Code, used for years that are not loaded.
     */
    public static final Set<MonthDay> ART_112_HOLIDAYS = Set.of(
            MonthDay.of(1, 1),
            MonthDay.of(1, 2),
            MonthDay.of(1, 3),
            MonthDay.of(1, 4),
            MonthDay.of(1, 5),
            MonthDay.of(1, 6),
            MonthDay.of(1, 7),
            MonthDay.of(1, 8),
            MonthDay.of(2, 23),
            MonthDay.of(3, 8),
            MonthDay.of(5, 1),
            MonthDay.of(5, 9),
            MonthDay.of(6, 12),
            MonthDay.of(11, 4));

    private ProductionCalendars() {}

    /**
     * The official calendars of 2025, 2026 and 2027 (247 working days each). A transferred working Saturday
     * that is also pre-holiday (1 Nov 2025, 20 Feb 2027) is a single {@link DayKind#SHORTENED} override,
     * which implies working.
     */
    public static List<DayOverride> russia2025to2027() {
        List<DayOverride> list = new ArrayList<>();
        // 2025
        offs(list, 2025, 1, 1, 2, 3, 6, 7, 8);
        offs(list, 2025, 5, 1, 2, 8, 9);
        offs(list, 2025, 6, 12, 13);
        offs(list, 2025, 11, 3, 4);
        offs(list, 2025, 12, 31);
        list.add(DayOverride.shortened(LocalDate.of(2025, 3, 7)));
        list.add(DayOverride.shortened(LocalDate.of(2025, 4, 30)));
        list.add(DayOverride.shortened(LocalDate.of(2025, 6, 11)));
        list.add(DayOverride.shortened(LocalDate.of(2025, 11, 1))); // working Saturday, shortened
        // 2026
        offs(list, 2026, 1, 1, 2, 5, 6, 7, 8, 9);
        offs(list, 2026, 2, 23);
        offs(list, 2026, 3, 9);
        offs(list, 2026, 5, 1, 11);
        offs(list, 2026, 6, 12);
        offs(list, 2026, 11, 4);
        offs(list, 2026, 12, 31);
        list.add(DayOverride.shortened(LocalDate.of(2026, 4, 30)));
        list.add(DayOverride.shortened(LocalDate.of(2026, 5, 8)));
        list.add(DayOverride.shortened(LocalDate.of(2026, 6, 11)));
        list.add(DayOverride.shortened(LocalDate.of(2026, 11, 3)));
        // 2027
        offs(list, 2027, 1, 1, 4, 5, 6, 7, 8);
        offs(list, 2027, 2, 22, 23);
        offs(list, 2027, 3, 8);
        offs(list, 2027, 5, 3, 10);
        offs(list, 2027, 6, 14);
        offs(list, 2027, 11, 4, 5);
        offs(list, 2027, 12, 31);
        list.add(DayOverride.shortened(LocalDate.of(2027, 2, 20))); // working Saturday, shortened
        list.add(DayOverride.shortened(LocalDate.of(2027, 4, 30)));
        list.add(DayOverride.shortened(LocalDate.of(2027, 6, 11)));
        list.add(DayOverride.shortened(LocalDate.of(2027, 11, 3)));
        return Collections.unmodifiableList(list);
    }

    private static void offs(List<DayOverride> list, int year, int month, int... days) {
        for (int d : days) {
            list.add(DayOverride.dayOff(LocalDate.of(year, month, d)));
        }
    }
}
