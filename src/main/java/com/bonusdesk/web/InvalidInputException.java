package com.bonusdesk.web;

import java.util.List;

/**
 * Input that is well formed but breaks a rule between fields (an application dated before the signing).
 * The API answers it like a failed validation: 400 problem JSON naming each field.
 */
public class InvalidInputException extends RuntimeException {

    /** A field and the message key that says what is wrong with it. */
    public record FieldProblem(String field, String key) {
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("Invalid input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
