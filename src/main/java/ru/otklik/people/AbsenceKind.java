package ru.otklik.people;

/**
 * Why a person is away (п.3, Приказ п.5): отпуск, болезнь, командировка.
 */
public enum AbsenceKind {
    VACATION,
    SICK_LEAVE,
    BUSINESS_TRIP
}
