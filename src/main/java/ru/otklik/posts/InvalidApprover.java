package ru.otklik.posts;

/**
 * The chosen second-level approver is not one the regulation allows (п.10), or the department has no head to
 * approve first.
 */
public class InvalidApprover extends RuntimeException {

    public InvalidApprover() {
        super("Согласующее лицо выбрано неверно или у подразделения не назначен руководитель.");
    }
}
