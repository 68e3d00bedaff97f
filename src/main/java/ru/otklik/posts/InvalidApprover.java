package ru.otklik.posts;

/**
 * The chosen second-level approver is not one the regulation allows (п.10), or the department has no head to
 * approve first.
 */
public class InvalidApprover extends RuntimeException implements Refusal {

    public InvalidApprover() {
        super("posts.draft.approver.invalid");
    }

    @Override
    public String messageKey() {
        return "posts.draft.approver.invalid";
    }

    @Override
    public Object[] args() {
        return new Object[0];
    }
}
