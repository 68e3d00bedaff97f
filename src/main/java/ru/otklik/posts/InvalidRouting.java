package ru.otklik.posts;

/**
 * The chosen executor is not one of the chosen department's executors (or the department does not exist).
 */
public class InvalidRouting extends RuntimeException implements Refusal {

    public InvalidRouting() {
        super("posts.route.invalid");
    }

    @Override
    public String messageKey() {
        return "posts.route.invalid";
    }

    @Override
    public Object[] args() {
        return new Object[0];
    }
}
