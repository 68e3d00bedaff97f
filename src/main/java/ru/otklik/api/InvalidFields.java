package ru.otklik.api;

import java.util.List;
import ru.otklik.api.ApiProblems.FieldError;

/**
 * Bad input of a {@link JsonApi} request, every bad field at once; answered with 400 listing them.
 */
public class InvalidFields extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidFields(List<FieldError> errors) {
        super(null, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
