package com.bonusdesk.refusal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Why a request was not carried out. Five kinds, and the kind alone decides the answer, in every feature alike:
 * {@link NotFound} (404: nothing by that name the caller may see), {@link NotPermitted} (403: they see it but may
 * not do this to it), {@link WrongState} (409: its state forbids the step), {@link NotEligible} (422: the business
 * rules refuse it, each reason with a stable code) and {@link InvalidInput} (400: malformed input, each field named).
 * The words are a message key and its arguments, put into the reader's language where the refusal is shown.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.NotFound, Refusal.NotPermitted, Refusal.WrongState, Refusal.NotEligible, Refusal.InvalidInput {

    /** The members every RFC 9457 problem has, which a refusal's own properties must leave alone. */
    private static final java.util.Set<String> PROBLEM_MEMBERS = java.util.Set.of("type", "title", "status",
            "detail", "instance");

    private final String messageKey;
    private final List<Object> arguments;

    private Refusal(String messageKey, List<Object> arguments) {
        // A refusal is an answer, not a failure: no stack trace is ever shown or logged, so none is taken.
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.arguments = List.copyOf(arguments);
    }

    /** The key of the message that tells a person why. */
    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** Nothing by that name, or nothing the caller may see: the two are never told apart. */
    public static final class NotFound extends Refusal {

        public NotFound() {
            super("error.404.detail", List.of());
        }
    }

    /** The caller may see it but may not do this to it: their own claim, the run they built, another's step. */
    public static final class NotPermitted extends Refusal {

        public NotPermitted(String messageKey, Object... arguments) {
            super(messageKey, Arrays.asList(arguments));
        }
    }

    /**
     * Its state forbids the step (already decided, already paid, the week has its run); {@code properties} point
     * at what it conflicts with, e.g. the run already there.
     */
    public static final class WrongState extends Refusal {

        private final Map<String, Object> properties;

        public WrongState(String messageKey, Object... arguments) {
            this(messageKey, List.of(arguments), Map.of());
        }

        public WrongState(String messageKey, List<Object> arguments, Map<String, Object> properties) {
            super(messageKey, arguments);
            if (properties.keySet().stream().anyMatch(PROBLEM_MEMBERS::contains)) {
                throw new IllegalArgumentException("A refusal's properties cannot replace " + PROBLEM_MEMBERS);
            }
            this.properties = Map.copyOf(properties);
        }

        public Map<String, Object> properties() {
            return properties;
        }
    }

    /** Well-formed, but the business rules refuse it, for every one of these reasons. */
    public static final class NotEligible extends Refusal {

        private final List<Reason> reasons;

        public NotEligible(List<Reason> reasons) {
            super("problem.notEligible", List.of());
            this.reasons = List.copyOf(reasons);
        }

        public NotEligible(String code, String messageKey, Object... arguments) {
            this(List.of(new Reason(code, messageKey, Arrays.asList(arguments))));
        }

        public List<Reason> reasons() {
            return reasons;
        }
    }

    /** Malformed input: each field with what is wrong with it. */
    public static final class InvalidInput extends Refusal {

        private final List<FieldProblem> problems;

        public InvalidInput(List<FieldProblem> problems) {
            super("problem.invalidFields", List.of(problems.size()));
            this.problems = List.copyOf(problems);
        }

        public InvalidInput(String field, String messageKey, Object... arguments) {
            this(List.of(new FieldProblem(field, messageKey, Arrays.asList(arguments))));
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }

    /** One reason a rule refuses: a stable code for programs, a message key and arguments for people. */
    public record Reason(String code, String messageKey, List<Object> arguments) {

        public Reason {
            arguments = List.copyOf(arguments);
        }
    }

    /** A field and the message key that says what is wrong with it. */
    public record FieldProblem(String field, String messageKey, List<Object> arguments) {

        public FieldProblem {
            arguments = List.copyOf(arguments);
        }

        public FieldProblem(String field, String messageKey) {
            this(field, messageKey, List.of());
        }
    }
}
