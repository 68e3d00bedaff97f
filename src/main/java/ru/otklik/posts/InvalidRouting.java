package ru.otklik.posts;

/**
 * The chosen executor is not one of the chosen department's executors (or the department does not exist).
 */
public class InvalidRouting extends RuntimeException {

    public InvalidRouting() {
        super("Исполнитель не относится к выбранному подразделению.");
    }
}
