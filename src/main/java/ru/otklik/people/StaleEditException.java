package ru.otklik.people;

/**
 * A form was submitted for a version of a record that someone else has changed meanwhile.
 */
public class StaleEditException extends RuntimeException {

    public StaleEditException() {
        super("Запись уже изменил другой пользователь. Обновите страницу и повторите изменения.");
    }
}
