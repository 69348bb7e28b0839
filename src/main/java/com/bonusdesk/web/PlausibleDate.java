package com.bonusdesk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date (or month) a person could mean in this business: from 1900 to 2999. It keeps typing slips such as
 * year 20266 out of the rules and out of the database, which cannot store every year Java can.
 */
@Constraint(validatedBy = {PlausibleDate.ForDate.class, PlausibleDate.ForMonth.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PlausibleDate {

    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    LocalDate LATEST = LocalDate.of(2999, 12, 31);

    String message() default "{date.plausible}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a date; an absent one is for {@code @NotNull} to judge. */
    class ForDate implements ConstraintValidator<PlausibleDate, LocalDate> {

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
        }
    }

    /** Checks a month; an absent one is for {@code @NotNull} to judge. */
    class ForMonth implements ConstraintValidator<PlausibleDate, YearMonth> {

        @Override
        public boolean isValid(YearMonth month, ConstraintValidatorContext context) {
            return month == null || (!month.atDay(1).isBefore(EARLIEST) && !month.atEndOfMonth().isAfter(LATEST));
        }
    }
}
